/**
 * Decoded proposal actions as sentences, in Kazakh, Russian and English: amounts with the token's decimals and
 * symbol, addresses named as the agency, official, registrar or contract they are, documents by number and title,
 * document types and positions by name. The caller supplies what it knows ({@link Labels}: the indexer from its
 * tables, the CLI and the dApp from the chain); whatever it cannot resolve is shown raw. Sentences are plain text:
 * the strings in calldata (an agency name, a reason) are anyone's, so callers escape them for HTML or the terminal.
 * Browser-safe (viem only).
 */
import { CENTRAL_GOVERNMENT_FORMS } from "../agencies.ts";
import { NATIVE_COIN } from "../currency.ts";
import { formatUnits, zeroAddress } from "viem";

import { CALENDAR_OFFSET_SECONDS, chainCalendarDate } from "../dates.ts";
import { DOCUMENT_TYPES, hex32, milestoneNumber } from "../enums.ts";
import type { DecodedAction, DecodedCall } from "./decode.ts";

/** The languages sentences are written in (the dApp's locales). */
export const RENDER_LOCALES = ["kk", "ru", "en"] as const;
export type RenderLocale = (typeof RENDER_LOCALES)[number];

/**
 * What an address is, for a sentence: its kind, and a name to show before it (a contract's name), or for an
 * official or a registrar the agency it serves (named by the renderer in the sentence's language).
 */
export interface AddressLabel {
  kind: "official" | "registrar" | "timelock" | "governor" | "contract" | "token";
  name?: string;
  agencyId?: number;
}

/** A token's display: symbol and decimals. */
export interface TokenInfo {
  symbol: string;
  decimals: number;
}

/** What the caller can resolve; every lookup is optional and may answer undefined. */
export interface Labels {
  /** The label of an address (any case). */
  address?(address: string): AddressLabel | undefined;
  /** An agency's name by id (id 0, the central government, is named by the renderer). */
  agency?(id: number): string | undefined;
  /** A document by token id: its number and title (in the sentence's language when the caller has it). */
  document?(id: bigint, locale: RenderLocale): { number?: string; title?: string } | undefined;
  /** A token's symbol and decimals; the native coin (the zero address) is {@link NATIVE_COIN} unless this answers. */
  token?(address: string): TokenInfo | undefined;
}

/** The chain's native coin, as the escrow holds it under the zero address (core/src/currency.ts). */
export { NATIVE_COIN };

/** Amount `units` with `decimals` (no trailing zeros), as the CLI prints amounts. */
export const formatAmount = (units: bigint, decimals: number): string => formatUnits(units, decimals);

const DOC_TYPE_NAMES: Record<RenderLocale, Record<(typeof DOCUMENT_TYPES)[number], string>> = {
  en: { decree: "decree", law: "law", budget: "budget", order: "order", certificate: "certificate", notice: "notice" },
  ru: { decree: "постановление", law: "закон", budget: "бюджет", order: "приказ", certificate: "справка", notice: "уведомление" },
  kk: { decree: "қаулы", law: "заң", budget: "бюджет", order: "бұйрық", certificate: "анықтама", notice: "хабарлама" },
};

const POSITION_NAMES: Record<RenderLocale, readonly string[]> = {
  en: ["", "minister", "vice-minister", "department director"],
  ru: ["", "министр", "вице-министр", "директор департамента"],
  kk: ["", "министр", "вице-министр", "департамент директоры"],
};

/** The words a sentence is made of, already resolved to text. */
interface Words {
  locale: RenderLocale;
  /** An address with its label: `Name (0x…)`, or the address. */
  address(value: unknown): string;
  /** An agency by id, for each grammatical use (Russian declines it). */
  agency(value: unknown): { nominative: string; genitive: string };
  money(units: unknown, token: unknown): string;
  document(value: unknown): string;
  docType(value: unknown): string;
  position(value: unknown): string;
  date(seconds: unknown): string;
  /** A bytes32 shortened to its first 4 bytes and "…". */
  short(value: unknown): string;
}

const big = (value: unknown): bigint => (typeof value === "bigint" ? value : BigInt(String(value)));

function words(locale: RenderLocale, labels: Labels): Words {
  const address = (value: unknown): string => {
    const text = String(value);
    const label = labels.address?.(text);
    if (label?.name) return `${label.name} (${text})`;
    if (label?.agencyId !== undefined && (label.kind === "official" || label.kind === "registrar")) {
      const of = agency(label.agencyId).genitive;
      const role = {
        en: { official: `official of ${of}`, registrar: `registrar of ${of}` },
        ru: { official: `должностное лицо ${of}`, registrar: `регистратор ${of}` },
        kk: { official: `${of} лауазымды тұлғасы`, registrar: `${of} тіркеушісі` },
      }[locale][label.kind];
      return `${text} (${role})`;
    }
    return text;
  };
  const agency = (value: unknown) => {
    const id = Number(value);
    if (id === 0) {
      return CENTRAL_GOVERNMENT_FORMS[locale];
    }
    const name = labels.agency?.(id);
    const quoted = name === undefined ? "" : locale === "en" ? ` "${name}"` : ` «${name}»`;
    if (locale === "en") return { nominative: `agency ${id}${quoted}`, genitive: `agency ${id}${quoted}` };
    if (locale === "ru") return { nominative: `ведомство ${id}${quoted}`, genitive: `ведомства ${id}${quoted}` };
    return { nominative: `${id}-ведомство${quoted}`, genitive: `${id}-ведомствоның${quoted}` };
  };
  const money = (units: unknown, token: unknown): string => {
    const tokenText = String(token);
    const info = labels.token?.(tokenText) ?? (tokenText.toLowerCase() === zeroAddress ? NATIVE_COIN : undefined);
    if (info) return `${formatAmount(big(units), info.decimals)} ${info.symbol}`;
    const raw = big(units).toString();
    return { en: `${raw} units of token ${tokenText}`, ru: `${raw} ед. токена ${tokenText}`, kk: `${tokenText} токенінің ${raw} бірлігі` }[locale];
  };
  const document = (value: unknown): string => {
    const id = big(value);
    const known = labels.document?.(id, locale);
    const number = known?.number ? (locale === "en" ? `No. ${known.number}` : `№ ${known.number}`) : undefined;
    const title = known?.title ? (locale === "en" ? `"${known.title}"` : `«${known.title}»`) : undefined;
    const named = [number, title].filter(Boolean).join(" ");
    return named ? `${named} (${hex32(id)})` : hex32(id);
  };
  const docType = (value: unknown): string => {
    const type = DOCUMENT_TYPES[Number(value)];
    return type ? DOC_TYPE_NAMES[locale][type] : { en: `document of type ${String(value)}`, ru: `документ типа ${String(value)}`, kk: `${String(value)}-түрдегі құжат` }[locale];
  };
  const position = (value: unknown): string => {
    const code = Number(value);
    return POSITION_NAMES[locale][code] || { en: `position code ${code}`, ru: `код должности ${code}`, kk: `лауазым коды ${code}` }[locale];
  };
  // Any uint48 is a valid deadline on chain; beyond the JavaScript date range the seconds are shown as they are.
  const date = (seconds: unknown): string => {
    const ms = Number(seconds) * 1000;
    return Math.abs(ms) <= 8.64e15 - CALENDAR_OFFSET_SECONDS * 1000 ? chainCalendarDate(Number(seconds)) : { en: `${String(seconds)} (unix seconds)`, ru: `${String(seconds)} (секунд Unix)`, kk: `${String(seconds)} (Unix секундтары)` }[locale];
  };
  const short = (value: unknown): string => `${String(value).slice(0, 10)}…`;
  return { locale, address, agency, money, document, docType, position, date, short };
}

type Args = Readonly<Record<string, unknown>>;
type Sentence = (a: Args, w: Words) => string;

/** Phrases by `Contract.function`, in each language. A function absent here renders as a generic call. */
const SENTENCES: Record<string, Record<RenderLocale, Sentence>> = {
  "OfficialSeats.issue": {
    en: (a, w) => `Seat official ${w.address(a.official)} in ${w.agency(a.agencyId).nominative} as ${w.position(a.position)}`,
    ru: (a, w) => `Назначить должностное лицо ${w.address(a.official)}: ${w.agency(a.agencyId).nominative}, должность — ${w.position(a.position)}`,
    kk: (a, w) => `${w.address(a.official)} лауазымды тұлғасын тағайындау: ${w.agency(a.agencyId).nominative}, лауазымы — ${w.position(a.position)}`,
  },
  "OfficialSeats.revoke": {
    en: (a, w) => `Unseat official ${w.address(a.official)}`,
    ru: (a, w) => `Освободить от должности ${w.address(a.official)}`,
    kk: (a, w) => `${w.address(a.official)} лауазымды тұлғасын лауазымынан босату`,
  },
  "OfficialSeats.reassign": {
    en: (a, w) => `Move official ${w.address(a.official)} to ${w.agency(a.agencyId).nominative} as ${w.position(a.position)}`,
    ru: (a, w) => `Перевести должностное лицо ${w.address(a.official)}: ${w.agency(a.agencyId).nominative}, должность — ${w.position(a.position)}`,
    kk: (a, w) => `${w.address(a.official)} лауазымды тұлғасын ауыстыру: ${w.agency(a.agencyId).nominative}, лауазымы — ${w.position(a.position)}`,
  },
  "AgencyRegistry.addAgency": {
    en: (a, w) => {
      const init = a.init as { id: number; name: string; pqKeyHash: string; registrars: readonly string[] };
      return `Add agency ${init.id} "${init.name}" (ML-DSA key ${w.short(init.pqKeyHash)}, ${init.registrars.length} registrar(s))`;
    },
    ru: (a, w) => {
      const init = a.init as { id: number; name: string; pqKeyHash: string; registrars: readonly string[] };
      return `Добавить ведомство ${init.id} «${init.name}» (ключ ML-DSA ${w.short(init.pqKeyHash)}, регистраторов: ${init.registrars.length})`;
    },
    kk: (a, w) => {
      const init = a.init as { id: number; name: string; pqKeyHash: string; registrars: readonly string[] };
      return `${init.id} «${init.name}» ведомствосын қосу (ML-DSA кілті ${w.short(init.pqKeyHash)}, тіркеушілер саны: ${init.registrars.length})`;
    },
  },
  "AgencyRegistry.addRegistrar": {
    en: (a, w) => `Make ${w.address(a.account)} a registrar of ${w.agency(a.agencyId).nominative}`,
    ru: (a, w) => `Назначить ${w.address(a.account)} регистратором ${w.agency(a.agencyId).genitive}`,
    kk: (a, w) => `${w.address(a.account)} мекенжайын тіркеуші етіп тағайындау: ${w.agency(a.agencyId).nominative}`,
  },
  "AgencyRegistry.removeRegistrar": {
    en: (a, w) => `Remove registrar ${w.address(a.account)} from ${w.agency(a.agencyId).nominative}`,
    ru: (a, w) => `Снять регистратора ${w.address(a.account)} ${w.agency(a.agencyId).genitive}`,
    kk: (a, w) => `${w.address(a.account)} тіркеушісін алып тастау: ${w.agency(a.agencyId).nominative}`,
  },
  "AgencyRegistry.rotateAgencyKey": {
    en: (a, w) => `Rotate ${w.agency(a.agencyId).nominative}'s ML-DSA key to ${w.short(a.newKeyHash)}`,
    ru: (a, w) => `Заменить ключ ML-DSA ${w.agency(a.agencyId).genitive} на ${w.short(a.newKeyHash)}`,
    kk: (a, w) => `${w.agency(a.agencyId).genitive} ML-DSA кілтін ауыстыру, жаңа кілт: ${w.short(a.newKeyHash)}`,
  },
  "AgencyRegistry.setAgencyActive": {
    en: (a, w) => `${a.active ? "Reactivate" : "Deactivate"} ${w.agency(a.agencyId).nominative}`,
    ru: (a, w) => `${a.active ? "Возобновить работу" : "Приостановить работу"} ${w.agency(a.agencyId).genitive}`,
    kk: (a, w) => `${w.agency(a.agencyId).genitive} жұмысын ${a.active ? "қайта бастау" : "тоқтата тұру"}`,
  },
  "AgencyRegistry.renameAgency": {
    en: (a, w) => `Rename ${w.agency(a.agencyId).nominative} to "${String(a.name)}"`,
    ru: (a, w) => `Переименовать ${w.agency(a.agencyId).nominative} в «${String(a.name)}»`,
    kk: (a, w) => `${w.agency(a.agencyId).genitive} атауын «${String(a.name)}» деп өзгерту`,
  },
  "SigningKeyRegistry.registerKey": {
    en: (a, w) => `Register ${Number(a.purpose) === 0 ? "the public API's extract-signing key" : `a signing key for purpose ${String(a.purpose)}`} ${w.short(a.keyHash)}`,
    ru: (a, w) => `Зарегистрировать ${Number(a.purpose) === 0 ? "ключ подписи выписок публичного API" : `ключ подписи для назначения ${String(a.purpose)}`} ${w.short(a.keyHash)}`,
    kk: (a, w) => `${Number(a.purpose) === 0 ? "Ашық API үзінділеріне қол қою кілтін" : `${String(a.purpose)} мақсатына арналған қол қою кілтін`} тіркеу: ${w.short(a.keyHash)}`,
  },
  "SigningKeyRegistry.retireKey": {
    en: (a) => (a.compromised ? `Retire signing key ${String(a.keyId)} as compromised (everything it signed becomes invalid)` : `Retire signing key ${String(a.keyId)} (what it signed before stays valid)`),
    ru: (a) => (a.compromised ? `Вывести из обращения ключ подписи ${String(a.keyId)} как скомпрометированный (всё подписанное им становится недействительным)` : `Вывести из обращения ключ подписи ${String(a.keyId)} (подписанное им ранее остаётся действительным)`),
    kk: (a) => (a.compromised ? `${String(a.keyId)} қол қою кілтін жария болған кілт ретінде қолданыстан шығару (онымен қол қойылғанның бәрі жарамсыз болады)` : `${String(a.keyId)} қол қою кілтін қолданыстан шығару (бұрын қол қойылғаны жарамды болып қалады)`),
  },
  "DocumentRegistry.issue": {
    en: (a, w) => `Mint a ${w.docType(a.docType)} of ${w.agency(a.agencyId).nominative}, file sha-256 ${String(a.contentHash)}`,
    ru: (a, w) => `Выпустить документ «${w.docType(a.docType)}» от имени: ${w.agency(a.agencyId).nominative}, sha-256 файла ${String(a.contentHash)}`,
    kk: (a, w) => `«${w.docType(a.docType)}» құжатын шығару, шығарушы: ${w.agency(a.agencyId).nominative}, файлдың sha-256 мәні ${String(a.contentHash)}`,
  },
  "DocumentRegistry.amend": {
    en: (a, w) => `Amend document ${w.document(a.oldTokenId)} with file sha-256 ${String(a.contentHash)} (reason: "${String(a.reason)}")`,
    ru: (a, w) => `Изменить документ ${w.document(a.oldTokenId)}: sha-256 нового файла ${String(a.contentHash)} (причина: «${String(a.reason)}»)`,
    kk: (a, w) => `${w.document(a.oldTokenId)} құжатына өзгеріс енгізу, жаңа файлдың sha-256 мәні ${String(a.contentHash)} (себебі: «${String(a.reason)}»)`,
  },
  "DocumentRegistry.revoke": {
    en: (a, w) => `Revoke document ${w.document(a.tokenId)} (reason: "${String(a.reason)}")`,
    ru: (a, w) => `Отозвать документ ${w.document(a.tokenId)} (причина: «${String(a.reason)}»)`,
    kk: (a, w) => `${w.document(a.tokenId)} құжатының күшін жою (себебі: «${String(a.reason)}»)`,
  },
  "BudgetEscrow.createAllocation": {
    en: (a, w) => `Allocate ${w.money(a.total, a.token)} to ${w.address(a.recipient)} under budget ${w.document(a.budgetDocumentId)}: ${milestones(a, w, (m) => `#${m.n} ${m.amount} due ${m.due}`)}`,
    ru: (a, w) => `Выделить ${w.money(a.total, a.token)} получателю ${w.address(a.recipient)} по бюджету ${w.document(a.budgetDocumentId)}: ${milestones(a, w, (m) => `№${m.n} ${m.amount} до ${m.due}`)}`,
    kk: (a, w) => `${w.document(a.budgetDocumentId)} бюджеті бойынша ${w.address(a.recipient)} алушысына ${w.money(a.total, a.token)} бөлу: ${milestones(a, w, (m) => `№${m.n} ${m.amount}, мерзімі ${m.due}`)}`,
  },
  "BudgetEscrow.releaseMilestone": {
    en: (a) => `Release milestone ${milestoneNumber(a.index)} of allocation ${String(a.allocationId)}`,
    ru: (a) => `Выплатить этап №${milestoneNumber(a.index)} ассигнования ${String(a.allocationId)}`,
    kk: (a) => `${String(a.allocationId)}-қаржы бөлудің №${milestoneNumber(a.index)} кезеңін төлеу`,
  },
  "BudgetEscrow.cancelAllocation": {
    en: (a) => `Cancel allocation ${String(a.allocationId)} (reason: "${String(a.reason)}")`,
    ru: (a) => `Отменить ассигнование ${String(a.allocationId)} (причина: «${String(a.reason)}»)`,
    kk: (a) => `${String(a.allocationId)}-қаржы бөлуді тоқтату (себебі: «${String(a.reason)}»)`,
  },
  "BudgetEscrow.withdraw": {
    en: (a, w) => `Withdraw ${w.money(a.amount, a.token)} from the escrow to ${w.address(a.to)}`,
    ru: (a, w) => `Вывести ${w.money(a.amount, a.token)} из эскроу на адрес ${w.address(a.to)}`,
    kk: (a, w) => `Эскроудан ${w.address(a.to)} мекенжайына ${w.money(a.amount, a.token)} шығару`,
  },
  "BudgetEscrow.setTokenAllowed": {
    en: (a, w) => `${a.allowed ? "Allow" : "Disallow"} token ${w.address(a.token)} in the escrow`,
    ru: (a, w) => `${a.allowed ? "Разрешить" : "Запретить"} токен ${w.address(a.token)} в эскроу`,
    kk: (a, w) => `Эскроуда ${w.address(a.token)} токеніне ${a.allowed ? "рұқсат беру" : "тыйым салу"}`,
  },
  "Appeals.answer": {
    en: (a, w) => `Answer appeal No. ${String(a.appealId)}: ${APPEAL_VERDICTS.en[Number(a.outcome)] ?? String(a.outcome)} (answer ${w.short(a.answerDigest)}${isZeroId(a.remedy) ? "" : `, remedy ${w.document(a.remedy)}`})`,
    ru: (a, w) => `Ответить на обращение № ${String(a.appealId)}: ${APPEAL_VERDICTS.ru[Number(a.outcome)] ?? String(a.outcome)} (ответ ${w.short(a.answerDigest)}${isZeroId(a.remedy) ? "" : `, исправляющий акт ${w.document(a.remedy)}`})`,
    kk: (a, w) => `№ ${String(a.appealId)} өтінішке жауап беру: ${APPEAL_VERDICTS.kk[Number(a.outcome)] ?? String(a.outcome)} (жауап ${w.short(a.answerDigest)}${isZeroId(a.remedy) ? "" : `, түзететін акт ${w.document(a.remedy)}`})`,
  },
  "Appeals.setDayKinds": {
    en: (a, w) => `Declare ${days(a, w)} ${DAY_KIND_WORDS.en[Number(a.kind)] ?? String(a.kind)} in the appeals calendar`,
    ru: (a, w) => `Объявить в календаре обращений: ${days(a, w)} — ${DAY_KIND_WORDS.ru[Number(a.kind)] ?? String(a.kind)}`,
    kk: (a, w) => `Өтініштер күнтізбесінде жариялау: ${days(a, w)} — ${DAY_KIND_WORDS.kk[Number(a.kind)] ?? String(a.kind)}`,
  },
  "GovernmentGovernor.setVotingDelay": setting({ en: "the voting delay", ru: "задержку перед голосованием", kk: "дауыс беру басталғанға дейінгі кідірісті" }, "seconds"),
  "GovernmentGovernor.setVotingPeriod": setting({ en: "the voting period", ru: "срок голосования", kk: "дауыс беру кезеңін" }, "seconds"),
  "GovernmentGovernor.setProposalThreshold": setting({ en: "the proposal threshold", ru: "порог внесения предложений", kk: "ұсыныс енгізу шегін" }, "seats"),
  "GovernmentGovernor.updateQuorumNumerator": setting({ en: "the quorum", ru: "кворум", kk: "кворумды" }, "percent"),
  "GovernmentGovernor.setLateQuorumVoteExtension": setting({ en: "the late-quorum extension", ru: "продление при позднем кворуме", kk: "кеш кворум кезіндегі ұзартуды" }, "seconds"),
  "TimelockController.updateDelay": setting({ en: "the Timelock delay", ru: "задержку Timelock", kk: "Timelock кідірісін" }, "seconds"),
  "TimelockController.updateGracePeriod": setting({ en: "the Timelock grace period", ru: "льготный период Timelock", kk: "Timelock жеңілдік кезеңін" }, "seconds"),
  "GovernmentGovernor.setProposalGuardian": {
    en: (a, w) => (isZero(a.newProposalGuardian) ? "Remove the proposal guardian" : `Set the proposal guardian to ${w.address(a.newProposalGuardian)}`),
    ru: (a, w) => (isZero(a.newProposalGuardian) ? "Упразднить роль хранителя предложений" : `Назначить хранителем предложений ${w.address(a.newProposalGuardian)}`),
    kk: (a, w) => (isZero(a.newProposalGuardian) ? "Ұсыныстар қамқоршысы рөлін алып тастау" : `Ұсыныстар қамқоршысы етіп ${w.address(a.newProposalGuardian)} тағайындау`),
  },
};

const isZero = (value: unknown): boolean => String(value).toLowerCase() === zeroAddress;
const isZeroId = (value: unknown): boolean => BigInt(String(value)) === 0n;

/** `WorkingDayCalendar.DayKind`, by index. */
const DAY_KIND_WORDS: Record<RenderLocale, readonly string[]> = {
  en: ["ordinary days again", "public holidays", "working days"],
  ru: ["обычные дни", "праздничные дни", "рабочие дни"],
  kk: ["қалыпты күндер", "мереке күндері", "жұмыс күндері"],
};
/** The declared day numbers (days since 1970-01-01 in UTC+5) as dates. */
const days = (a: Args, w: Words): string => (a.dayNumbers as readonly number[]).map((d) => w.date(Number(d) * 86_400)).join(", ");

/** The verdicts of `IAppeals.Outcome`, by index (0: none). */
const APPEAL_VERDICTS: Record<RenderLocale, readonly string[]> = {
  en: ["no verdict", "upheld", "partly upheld", "rejected"],
  ru: ["без решения", "удовлетворить", "удовлетворить частично", "отказать"],
  kk: ["шешімсіз", "қанағаттандыру", "ішінара қанағаттандыру", "бас тарту"],
};

function milestones(a: Args, w: Words, part: (m: { n: number; amount: string; due: string }) => string): string {
  const plan = a.plan as readonly { amount: bigint; deadline: number }[];
  return plan.map((m, i) => part({ n: Number(milestoneNumber(i)), amount: w.money(m.amount, a.token), due: w.date(m.deadline) })).join("; ");
}

/** A "Set <setting> to <value> <unit>" phrase; the setting's words in the accusative where the language needs it. */
function setting(what: Record<RenderLocale, string>, unit: "seconds" | "seats" | "percent"): Record<RenderLocale, Sentence> {
  const first = (a: Args): string => String(Object.values(a)[0]);
  const units = {
    seconds: { en: "s", ru: "с", kk: "с" },
    seats: { en: "seat(s)", ru: "мест(а)", kk: "орын" },
    percent: { en: "% of seats", ru: "% мест", kk: "% орын" },
  }[unit];
  return {
    en: (a) => `Set ${what.en} to ${first(a)} ${units.en}`,
    ru: (a) => `Установить ${what.ru}: ${first(a)} ${units.ru}`,
    kk: (a) => `${what.kk} ${first(a)} ${units.kk} етіп белгілеу`,
  };
}

/** The decoded call's arguments by parameter name. */
const argsByName = (call: DecodedCall): Args => Object.fromEntries(call.args.map((arg) => [arg.name, arg.value]));

/** The sentence for a decoded action that has one in {@link SENTENCES}, without the value sent; undefined otherwise. */
export function knownSentence(action: DecodedAction, locale: RenderLocale, labels: Labels = {}): string | undefined {
  if (action.kind !== "decoded") return undefined;
  const phrase = SENTENCES[`${action.contract}.${action.functionName}`]?.[locale];
  return phrase?.(argsByName(action), words(locale, labels));
}

/**
 * One action as a sentence in `locale`: the phrase of a known function; "Call <signature> on <contract>" for the
 * other functions of our contracts; the reason for an undecodable call; a raw call for an unknown target. Native
 * coin sent with the call is added ("sending 1.5 KZT").
 */
export function renderAction(action: DecodedAction, locale: RenderLocale, labels: Labels = {}): string {
  const sentence = sentenceOf(action, locale, labels);
  return sentence.charAt(0).toLocaleUpperCase(locale) + sentence.slice(1);
}

function sentenceOf(action: DecodedAction, locale: RenderLocale, labels: Labels): string {
  const w = words(locale, labels);
  const sent = action.value > 0n ? { en: `, sending ${w.money(action.value, zeroAddress)}`, ru: `, с переводом ${w.money(action.value, zeroAddress)}`, kk: `, ${w.money(action.value, zeroAddress)} жіберіп` }[locale] : "";
  const selector = action.selector ?? action.data;
  switch (action.kind) {
    case "decoded": {
      const known = knownSentence(action, locale, labels);
      if (known !== undefined) return `${known}${sent}`;
      const on = `${action.contract} (${action.target})`;
      return { en: `Call ${action.signature} on ${on}`, ru: `Вызов ${action.signature} в контракте ${on}`, kk: `${on} келісімшартында ${action.signature} шақыру` }[locale] + sent;
    }
    case "undecodable": {
      const on = `${action.contract} (${action.target})`;
      return {
        en: `Call ${on} with undecodable data ${selector}: ${action.reason}`,
        ru: `Вызов контракта ${on} с нераспознаваемыми данными ${selector}: ${action.reason}`,
        kk: `${on} келісімшартын танылмайтын ${selector} деректерімен шақыру: ${action.reason}`,
      }[locale] + sent;
    }
    case "unknownTarget": {
      const target = w.address(action.target);
      return { en: `Call ${target} with data ${selector}`, ru: `Вызов ${target} с данными ${selector}`, kk: `${target} мекенжайын ${selector} деректерімен шақыру` }[locale] + sent;
    }
  }
}

/** The sentence in each language. */
export const renderActionInAll = (action: DecodedAction, labels: Labels = {}): Record<RenderLocale, string> =>
  ({ kk: renderAction(action, "kk", labels), ru: renderAction(action, "ru", labels), en: renderAction(action, "en", labels) });
