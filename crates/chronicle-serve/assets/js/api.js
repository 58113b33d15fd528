// The JSON API client: one function, errors carry the server's message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET /api/<path>?<params> (empty parameters left out) and parse the JSON answer. */
export async function api(path, params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') query.set(k, String(v));
  }
  const qs = query.toString();
  const url = `/api/${path}${qs ? `?${qs}` : ''}`;
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch (err) {
    throw new ApiError(0, `The server did not answer (${err.message}).`);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON: an error page from something in between; the status says enough.
  }
  if (!response.ok) {
    const message = body && body.error ? body.error : `${response.status} ${response.statusText}`;
    throw new ApiError(response.status, message);
  }
  return body;
}

let actorsPromise = null;
/** Actors present in the database, for input suggestions (fetched once). */
export function actorList() {
  if (!actorsPromise) {
    actorsPromise = api('actors', { limit: 500 }).then((r) => r.actors || []).catch(() => []);
  }
  return actorsPromise;
}
