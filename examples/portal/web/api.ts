// A small client of @gongjian/server: the session cookie travels by itself;
// the CSRF token from sign-in goes with every request that changes something.
let csrf = ""

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
  }
}

const call = async (method: string, path: string, body?: unknown, raw?: Blob) => {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(raw !== undefined ? { "content-type": "application/octet-stream" } : {}),
      ...(method !== "GET" && csrf ? { "x-csrf-token": csrf } : {})
    },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    ...(raw !== undefined ? { body: raw } : {})
  })
  const text = await response.text()
  const json = text ? JSON.parse(text) : undefined
  if (!response.ok) throw new ApiError(response.status, json?.message ?? response.statusText)
  return json
}

export const api = {
  login: async (name: string, password: string) => {
    const r = await call("POST", "/session", { name, password })
    csrf = r.csrf
    return r.user
  },
  me: async () => {
    const r = await call("GET", "/session")
    csrf = r.csrf
    return r.user
  },
  logout: () => call("DELETE", "/session"),
  get: (path: string) => call("GET", path),
  put: (path: string, body: unknown) => call("PUT", path, body),
  upload: (path: string, file: Blob) => call("POST", path, undefined, file)
}
