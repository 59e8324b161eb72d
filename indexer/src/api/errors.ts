// Errors as JSON `{ error: { code, message } }`; never a stack trace to a client.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";

import type { ErrorAnswer, ErrorCode } from "@government-dao/core/api/service";

/** An error the client caused or may see, with a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** The body of every error answer (core's errorAnswerSchema). */
export const errorAnswer = (code: ErrorCode, message: string): ErrorAnswer => ({ error: { code, message } });

export const notFound = (what: string): ApiError => new ApiError(404, "not_found", `${what} not found`);

/** Hono `onError`: known errors keep their code, invalid input is 400, anything else a plain 500. */
export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return c.json(errorAnswer(error.code, error.message), error.status);
  if (error instanceof ZodError) return c.json(errorAnswer("invalid_input", error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ")), 400);
  console.error("api error:", error);
  return c.json(errorAnswer("internal", "Internal error"), 500);
}
