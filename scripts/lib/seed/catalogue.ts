/**
 * The demo documents: titles in Kazakh, Russian and English, numbers and short English bodies. Fictional texts
 * for a demo; no person is named anywhere (agencies, numbers and dates only).
 */
import type { DocumentTypeName } from "@government-dao/core/metadata";
import { AGENCY } from "@government-dao/devchain/demo-cast";

export interface DocumentSpec {
  type: DocumentTypeName;
  /** Issuing agency (0: the central government). */
  agencyId: number;
  number: string;
  title: { kk: string; ru: string; en: string };
  /** Paragraphs of the (English) body of the demo file. */
  body: string[];
  /** Days from adoption to entry into force, if any. */
  effectiveAfterDays?: number;
}

const GOV = 0;

export const CATALOGUE = {
  decreePilot: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/001",
    title: {
      kk: "Цифрлық ресми құжаттар пилоттық жобасы туралы",
      ru: "О пилотном проекте цифровых официальных документов",
      en: "On the pilot of digital official documents",
    },
    body: [
      "1. The Ministry of Finance and the Ministry of Digital Development shall issue their orders and certificates as registered digital documents.",
      "2. Each document is identified by the SHA-256 hash of its file and co-signed with the agency's ML-DSA-65 key.",
    ],
    effectiveAfterDays: 10,
  },
  decreePilotRevised: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/001-R1",
    title: {
      kk: "Цифрлық ресми құжаттар пилоттық жобасы туралы (жаңа редакция)",
      ru: "О пилотном проекте цифровых официальных документов (новая редакция)",
      en: "On the pilot of digital official documents (revised edition)",
    },
    body: [
      "1. The Ministry of Finance and the Ministry of Digital Development shall issue their orders, notices and certificates as registered digital documents.",
      "2. Each document is identified by the SHA-256 hash of its file and co-signed with the agency's ML-DSA-65 key.",
      "3. Bulk registries of certificates are anchored as Merkle roots and published with their tree.",
    ],
    effectiveAfterDays: 1,
  },
  decreeWorkingGroup: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/002",
    title: {
      kk: "Ашық деректер жөніндегі ведомствоаралық жұмыс тобы туралы",
      ru: "О межведомственной рабочей группе по открытым данным",
      en: "On the interagency working group on open data",
    },
    body: [
      "1. An interagency working group on open data is established, composed of representatives of the pilot ministries.",
      "2. The working group reports on the publication of budget data every quarter.",
    ],
  },
  lawSignatures: {
    type: "law",
    agencyId: GOV,
    number: "L-2026/001",
    title: {
      kk: "Мемлекеттік басқарудағы посткванттық электрондық қолтаңбалар туралы",
      ru: "О постквантовых электронных подписях в государственном управлении",
      en: "On post-quantum electronic signatures in public administration",
    },
    body: [
      "Article 1. Official documents of state agencies may be co-signed with ML-DSA (FIPS 204) signatures.",
      "Article 2. The hash of each agency's public key is published in the public agency registry.",
    ],
    effectiveAfterDays: 30,
  },
  lawOpenBudget: {
    type: "law",
    agencyId: GOV,
    number: "L-2026/002",
    title: {
      kk: "Ашық бюджеттік деректер туралы",
      ru: "Об открытых бюджетных данных",
      en: "On open budget data",
    },
    body: [
      "Article 1. Allocations, milestones and releases of budget funds are published as open data.",
      "Article 2. Every release of funds cites the budget document it executes.",
    ],
    effectiveAfterDays: 30,
  },
  budget2026: {
    type: "budget",
    agencyId: GOV,
    number: "B-2026/001",
    title: {
      kk: "2026 жылға арналған цифрлық үкімет бағдарламасының бюджеті",
      ru: "Бюджет программы цифрового правительства на 2026 год",
      en: "Budget of the digital government programme for 2026",
    },
    body: [
      "1. Total: 2,000,000,000.00 DKZT held in the budget escrow.",
      "2. Line 1: document registry platform, 500,000,000.00 DKZT in two milestones.",
      "3. Line 2: digital literacy courses, 300,000,000.00 DKZT in two milestones.",
    ],
  },
  orderBudgetReports: {
    type: "order",
    agencyId: AGENCY.finance,
    number: "MF-2026/014",
    title: {
      kk: "Бюджеттік есептерді жариялау тәртібі туралы",
      ru: "О порядке публикации бюджетных отчётов",
      en: "On the procedure for publishing budget reports",
    },
    body: ["1. Budget execution reports are published monthly in JSON, CSV and XML."],
  },
  orderTengeAccounting: {
    type: "order",
    agencyId: AGENCY.finance,
    number: "MF-2026/015",
    title: {
      kk: "Қазынашылықта цифрлық теңгені есепке алу туралы",
      ru: "Об учёте цифрового тенге в казначействе",
      en: "On accounting for the digital tenge in the treasury",
    },
    body: ["1. Deposits into the budget escrow are recorded in the treasury ledger on the day they are made."],
  },
  orderCertificateRegister: {
    type: "order",
    agencyId: AGENCY.digital,
    number: "MDD-2026/031",
    title: {
      kk: "Цифрлық сауаттылық сертификаттарының тізілімі туралы",
      ru: "О реестре сертификатов цифровой грамотности",
      en: "On the register of digital literacy certificates",
    },
    body: ["1. Certificates of the digital literacy course are registered in batches anchored by their Merkle root."],
  },
  noticeMaintenance: {
    type: "notice",
    agencyId: AGENCY.digital,
    number: "MDD-N-2026/007",
    title: {
      kk: "Электрондық үкімет порталындағы жоспарлы жұмыстар туралы хабарлама",
      ru: "Уведомление о плановых работах на портале электронного правительства",
      en: "Notice of scheduled maintenance of the e-government portal",
    },
    body: ["The portal is unavailable on Sunday from 02:00 to 04:00 (Astana time)."],
  },
  // Drafts that end the seed in the Defeated, Succeeded, Queued, Canceled, Active and Pending states.
  lawPaperDuplicates: {
    type: "law",
    agencyId: GOV,
    number: "L-2026/003",
    title: {
      kk: "Электрондық құжаттарды қағазбен міндетті түрде қайталау туралы",
      ru: "Об обязательном бумажном дублировании электронных документов",
      en: "On mandatory paper duplicates of electronic documents",
    },
    body: ["Article 1. Every registered digital document is also issued on paper."],
  },
  decreeOpenDataRoadmap: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/003",
    title: {
      kk: "Ашық деректер порталының жол картасы туралы",
      ru: "О дорожной карте портала открытых данных",
      en: "On the roadmap of the open data portal",
    },
    body: ["1. The open data portal publishes every dataset of the pilot by the end of the year."],
  },
  decreeDigitalArchive: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/004",
    title: {
      kk: "Үкімет шешімдерінің цифрлық мұрағаты туралы",
      ru: "О цифровом архиве правительственных решений",
      en: "On the digital archive of government decisions",
    },
    body: ["1. Government decisions are archived with their document hashes and proposal records."],
  },
  decreeSecondStage: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/005",
    title: {
      kk: "Пилоттық жобаның екінші кезеңінің кестесі туралы",
      ru: "О графике второго этапа пилотного проекта",
      en: "On the schedule of the pilot's second stage",
    },
    body: ["1. The second stage of the pilot starts after the evaluation of the first."],
  },
  lawAllocationRegister: {
    type: "law",
    agencyId: GOV,
    number: "L-2026/004",
    title: {
      kk: "Бюджеттік бөлулердің ашық тізілімі туралы",
      ru: "О публичном реестре бюджетных ассигнований",
      en: "On the public register of budget allocations",
    },
    body: ["Article 1. Every budget allocation and its milestones are entered in a public register."],
  },
  decreePilotEvaluation: {
    type: "decree",
    agencyId: GOV,
    number: "D-2026/006",
    title: {
      kk: "Пилоттық жоба нәтижелерін бағалау туралы",
      ru: "Об оценке результатов пилотного проекта",
      en: "On the evaluation of the pilot results",
    },
    body: ["1. The results of the pilot are evaluated by an independent auditor within six months."],
  },
} satisfies Record<string, DocumentSpec>;

export type CatalogueKey = keyof typeof CATALOGUE;

/** Milestone descriptions of the two allocations (stored off chain; the chain keeps their sha-256). */
export const MILESTONES = {
  platformDesign: { kk: "Платформаның жобасы қабылданды", ru: "Проект платформы принят", en: "Platform design accepted" },
  platformLaunch: { kk: "Платформа іске қосылды", ru: "Платформа запущена", en: "Platform launched" },
  coursesFirstCohort: { kk: "Бірінші топ оқытылды", ru: "Обучена первая группа", en: "First cohort trained" },
  coursesAllRegions: { kk: "Курстар барлық өңірлерде", ru: "Курсы во всех регионах", en: "Courses in all regions" },
} as const;
