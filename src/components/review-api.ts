/**
 * The dev page's side of the review routes (tools/review-routes.ts): marks a place that cites a
 * changed figure as reviewed, as `npx explainer review PLACE` does. Reads the file's hash first
 * (`GET /reviews`), then appends over that version (`PUT`), or makes the file (`POST`) when there
 * is none; one retry when the file changed in between.
 */

/** Where the save endpoint is and the session's token (`data/editor-session.json` under `npm run dev`). */
export interface ReviewSession {
  url: string;
  token: string;
}

/** What the editor asks to review: a place as FIGURE_CHANGED prints it, the claim, and its hash as the page shows it. */
export interface ReviewRequest {
  place: string;
  claim: string;
  hash: string;
}

/** The outcome: written, or refused with the server's message. */
export type ReviewResult = {ok: true} | {ok: false; message: string};

async function call(session: ReviewSession, method: string, body?: unknown): Promise<{status: number; body: any}> {
  const response = await fetch(`${session.url}/reviews`, {
    method,
    cache: "no-store",
    headers: {"x-explainer-token": session.token, ...(body ? {"content-type": "application/json"} : {})},
    ...(body ? {body: JSON.stringify(body)} : {})
  });
  return {status: response.status, body: await response.json().catch(() => ({}))};
}

/** Records the review in `data/reviews.csv` through the save endpoint. */
export async function markReviewed(session: ReviewSession, request: ReviewRequest): Promise<ReviewResult> {
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      const current = await call(session, "GET");
      const answer =
        current.status === 404
          ? await call(session, "POST", request)
          : await call(session, "PUT", {...request, base: current.body.base});
      if (answer.status === 200 || answer.status === 201) return {ok: true};
      if (answer.status === 409) continue;
      const problems: {detail: string}[] = answer.body.problems ?? [];
      return {
        ok: false,
        message: problems.map((p) => p.detail).join("; ") || answer.body.message || `status ${answer.status}`
      };
    }
    return {ok: false, message: "data/reviews.csv kept changing while saving: try again"};
  } catch (error) {
    return {ok: false, message: `cannot reach the save endpoint at ${session.url}: is \`npm run dev\` running?`};
  }
}
