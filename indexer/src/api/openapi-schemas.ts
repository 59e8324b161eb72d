// JSON Schemas (2020-12, as OpenAPI 3.1 uses) of the answers, generated from core's zod schemas
// (@government-dao/core/api/*): the rows, verify, the signed extract, the signing key, errors and health. Every column
// is required (a row always has every column, null when absent); hashes, addresses and decimal strings have patterns;
// enums list their values. tests/public-answers.test.ts validates real answers against the served document.
import { DOCUMENT_STATUSES, DOCUMENT_TYPES } from "@government-dao/core/api/document";
import { voteSchema } from "@government-dao/core/api/proposal";
import { errorAnswerSchema, extractAnswerSchema, healthSchema, signingKeySchema as signingKeyAnswer } from "@government-dao/core/api/service";
import { verifySchema } from "@government-dao/core/api/verify";

import { jsonSchemaOf } from "./json-schema.js";

export { DOCUMENT_STATUSES, DOCUMENT_TYPES };

export const voteRowSchema = jsonSchemaOf(voteSchema);
export const verifyAnswerSchema = jsonSchemaOf(verifySchema);
export const signingKeySchema = jsonSchemaOf(signingKeyAnswer);
export const extractSchema = jsonSchemaOf(extractAnswerSchema);
export const errorSchema = jsonSchemaOf(errorAnswerSchema);
export const healthAnswerSchema = jsonSchemaOf(healthSchema);
