import { readFileSync, writeFileSync } from "node:fs"
import { Api } from "@gongjian/server"
import { describe, expect, it } from "vitest"

// The OpenAPI document pinned as a fixed file, test/openapi.json: every path,
// method, parameter, request body, response status and schema (its
// properties, types, required keys, enums, formats), so that a change to
// the API a client builds on — an endpoint, a parameter or a schema — shows
// as a diff to review. Wording (descriptions, titles, summaries) is left out
// of the file: rewording a schema's description in @gongjian/core is not a
// change to the API. For a change meant to alter the API, run
// `pnpm openapi:update` and review the diff of test/openapi.json.
const update = process.env.GONGJIAN_UPDATE_OPENAPI === "1"

const wording = new Set(["description", "title", "summary"])

/**
 * The document without its wording, keys in order. The keys of `properties`
 * are field names (a campaign's `title` is a field), kept whatever they are.
 */
const shape = (x: unknown, fields = false): unknown => {
  if (Array.isArray(x)) return x.map((y) => shape(y))
  if (x === null || typeof x !== "object") return x
  return Object.fromEntries(
    Object.keys(x)
      .filter((k) => fields || !wording.has(k))
      .sort()
      .map((k) => [k, shape((x as { readonly [key: string]: unknown })[k], k === "properties")])
  )
}

describe("the OpenAPI document", () => {
  const text = `${JSON.stringify(shape(Api.openApi()), null, 1)}\n`
  const file = new URL("./openapi.json", import.meta.url)
  if (update) writeFileSync(file, text)

  it("has the endpoints, parameters and schemas recorded in test/openapi.json", () => {
    expect(text === readFileSync(file, "utf8")).toBe(true)
  })

  it("the shape keeps what a client builds on: paths, methods, parameters, responses, schemas", () => {
    // A check of the pin itself: dropping the wording must not drop the API.
    const doc = JSON.parse(text)
    const put = doc.paths["/api/campaigns/{campaign}/projects/{id}"].put
    expect(put.parameters.map((p: { name: string }) => p.name)).toEqual(["campaign", "id"])
    expect(Object.keys(put.responses)).toEqual(
      expect.arrayContaining(["200", "400", "403", "404", "413", "422"])
    )
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining([
        "Revision",
        "Problem",
        "BadRequestEncoded",
        "Campaign",
        "PayloadTooLargeEncoded"
      ])
    )
    // A field named like wording stays: the campaign's title.
    expect(doc.components.schemas.Campaign.properties.title).toBeDefined()
    expect(doc.components.schemas.Campaign.description).toBeUndefined()
  })
})
