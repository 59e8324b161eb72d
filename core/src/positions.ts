/**
 * Positions of a seat: `OfficialSeats` stores a position code (uint16); what a code means lives off chain, here.
 * Codes without a label are shown as "Position code N".
 */
export const POSITION_LABELS = {
  1: { en: "Minister", ru: "Министр", kk: "Министр" },
  2: { en: "Vice-minister", ru: "Вице-министр", kk: "Вице-министр" },
  3: { en: "Department director", ru: "Директор департамента", kk: "Департамент директоры" },
} as const satisfies Record<number, { en: string; ru: string; kk: string }>;

/** The position codes with a label, in order. */
export const POSITION_CODES = [1, 2, 3] as const;

/** The label of position `code` in `locale`. */
export function positionLabel(code: number, locale: "en" | "ru" | "kk" = "en"): string {
  const labels = (POSITION_LABELS as Record<number, { en: string; ru: string; kk: string }>)[code];
  if (labels) return labels[locale];
  return { en: `Position code ${code}`, ru: `Код должности ${code}`, kk: `Лауазым коды ${code}` }[locale];
}
