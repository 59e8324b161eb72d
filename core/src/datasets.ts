/**
 * The public API's data sets, written once: the dApp's open-data page lists them, the API's DCAT-AP catalogue and
 * data package describe them. Lists answer `format=json|csv|xml` with the same columns; standard exports are JSON.
 */
export interface Dataset {
  key: string;
  /** Path under /api/v1. */
  path: string;
  formats: readonly ("json" | "csv" | "xml")[];
  title: { en: string; ru: string; kk: string };
  description: string;
  /** The standard the answer follows, if any (a URI). */
  conformsTo?: string;
}

const LIST = ["json", "csv", "xml"] as const;

export const DATASETS: readonly Dataset[] = [
  { key: "documents", path: "/documents", formats: LIST, title: { en: "Documents", ru: "Документы", kk: "Құжаттар" }, description: "Every official document (decrees, laws, budgets, orders, certificates, notices) registered on chain: type, agency, status, hashes, issue and change times." },
  { key: "proposals", path: "/proposals", formats: LIST, title: { en: "Proposals", ru: "Предложения", kk: "Ұсыныстар" }, description: "Every proposal of the council: proposer, description, state, tallies, deadlines and execution." },
  { key: "allocations", path: "/budget/allocations", formats: LIST, title: { en: "Budget allocations", ru: "Бюджетные ассигнования", kk: "Бюджеттен бөлінген қаражат" }, description: "Every allocation of the budget escrow: recipient, token, total, released, milestones, cancellation." },
  { key: "releases", path: "/budget/releases", formats: LIST, title: { en: "Budget releases", ru: "Бюджетные выплаты", kk: "Бюджет төлемдері" }, description: "Every payment released from the escrow, with its transaction." },
  { key: "totals", path: "/budget/totals", formats: LIST, title: { en: "Budget totals per agency", ru: "Итоги бюджета по ведомствам", kk: "Ведомстволар бойынша бюджет қорытындысы" }, description: "Allocated, released and cancelled amounts per agency and token." },
  { key: "officials", path: "/officials", formats: LIST, title: { en: "Officials", ru: "Должностные лица", kk: "Лауазымды тұлғалар" }, description: "Council seats: holder address, agency, position, term." },
  { key: "agencies", path: "/agencies", formats: LIST, title: { en: "Agencies", ru: "Ведомства", kk: "Ведомстволар" }, description: "The agencies exactly as the AgencyRegistry has them, with their registrars." },
  { key: "auditLog", path: "/audit-log", formats: LIST, title: { en: "Audit log of power", ru: "Журнал изменений полномочий", kk: "Өкілеттік өзгерістерінің журналы" }, description: "Every change of power: roles, registrars, seats, agencies and council settings." },
  { key: "settingsHistory", path: "/settings-history", formats: LIST, title: { en: "History of the council's rules (settings)", ru: "История правил совета (настроек)", kk: "Кеңес ережелерінің (баптауларының) тарихы" }, description: "Every change of a Governor or Timelock setting, with the proposal that made it." },
  { key: "flags", path: "/flags", formats: LIST, title: { en: "Auditor flags", ru: "Отметки аудитора", kk: "Аудитор белгілері" }, description: "The digital auditor's red flags with their published rules." },
  { key: "appeals", path: "/appeals", formats: LIST, title: { en: "Citizens' appeals", ru: "Обращения граждан", kk: "Азаматтардың өтініштері" }, description: "Every appeal against a document or a proposal: the body that must answer, due date, state, verdict, whether it was answered in time; texts by sha-256 in the content store, filers by pseudonymous key." },
  { key: "appealStats", path: "/appeals/stats", formats: LIST, title: { en: "Appeals per body", ru: "Обращения по органам", kk: "Органдар бойынша өтініштер" }, description: "Per body that must answer: appeals received, pending, overdue, answered on time, verdicts, median days to answer, upheld share." },
  { key: "ocdsReleases", path: "/ocds/release-package", formats: ["json"], title: { en: "Budget as OCDS releases", ru: "Бюджет в формате OCDS (релизы)", kk: "OCDS форматындағы бюджет (релиздер)" }, description: "Each allocation as an Open Contracting contracting process: a release package of every release.", conformsTo: "https://standard.open-contracting.org/schema/1__1__5/release-package-schema.json" },
  { key: "ocdsRecords", path: "/ocds/record-package", formats: ["json"], title: { en: "Budget as OCDS records", ru: "Бюджет в формате OCDS (записи)", kk: "OCDS форматындағы бюджет (жазбалар)" }, description: "Each allocation as an Open Contracting record with its compiled release.", conformsTo: "https://standard.open-contracting.org/schema/1__1__5/record-package-schema.json" },
  { key: "popolo", path: "/popolo", formats: ["json"], title: { en: "The council as Popolo", ru: "Совет в формате Popolo", kk: "Popolo форматындағы кеңес" }, description: "Seats, agencies, posts, memberships, motions, vote events and votes (no personal names).", conformsTo: "http://www.popoloproject.com/specs/" },
];
