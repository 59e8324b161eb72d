// Errors as JSON `{ error: { code, message } }`; never a stack trace to a client.
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { ZodError } from "zod";

/** An error the client caused or may see, with a stable code. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string): ApiError => new ApiError(404, "not_found", `${what} not found`);

/** Hono `onError`: known errors keep their code, invalid input is 400, anything else a plain 500. */
export function errorResponse(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return c.json({ error: { code: error.code, message: error.message } }, error.status);
  if (error instanceof ZodError) {
    const message = error.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
    return c.json({ error: { code: "invalid_input", message } }, 400);
  }
  console.error("api error:", error);
  return c.json({ error: { code: "internal", message: "Internal error" } }, 500);
}
