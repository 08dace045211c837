/**
 * Where a province's counties live (分区布局): a coordinator server holding the
 * partitioned table `province_record` (PARTITION BY LIST (county)), the
 * servers its foreign partitions live on, and the server of each county.
 * The distribution column is `county`, as Citus would have it.
 *
 * @since 0.1.0
 */
import * as Result from "effect/Result"
import { InvalidCounty } from "./ProvinceError.js"

/**
 * A PostgreSQL server of the province: a short name (lower-case letters,
 * digits, `_`) and its `postgres://` URL (the database to use included).
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category models
 */
export interface Server {
  readonly name: string
  readonly url: string
}

/**
 * A county and the server its partition lives on.
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category models
 */
export interface Placement {
  readonly county: string
  readonly server: string
}

/**
 * The province's layout: the coordinator (which holds the partitioned table,
 * routes writes and answers province-wide queries, and may hold partitions
 * itself), the other servers, and each county's placement, in county order.
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category models
 */
export interface Layout {
  readonly coordinator: Server
  readonly servers: ReadonlyArray<Server>
  readonly placement: ReadonlyArray<Placement>
}

const ID = /^[a-z0-9_]{1,40}$/

/**
 * Whether a county id or a server name can name a partition or a foreign
 * server: 1 to 40 lower-case letters, digits or `_`, such as the county's
 * administrative division code (行政区划代码) `320583`.
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category predicates
 */
export const isId = (id: string): boolean => ID.test(id)

/**
 * The table of a county's partition, on the coordinator and on the server it
 * lives on: `province_record_<county>`.
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category getters
 */
export const partitionOf = (county: string): string => `province_record_${county}`

/**
 * A layout: the counties, sorted, placed round robin over the coordinator
 * and then the other servers, or on the server `place` names for a county.
 * Fails with `InvalidCounty` on an id that cannot name a partition, a county
 * listed twice, or a server that is not in the layout.
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category constructors
 */
export const make = (options: {
  readonly coordinator: Server
  readonly servers?: ReadonlyArray<Server> | undefined
  readonly counties: ReadonlyArray<string>
  readonly place?: ((county: string) => string | undefined) | undefined
}): Result.Result<Layout, InvalidCounty> => {
  const servers = options.servers ?? []
  const all = [options.coordinator, ...servers]
  const names = new Set<string>()
  for (const s of all) {
    if (!isId(s.name) || names.has(s.name))
      return Result.fail(
        new InvalidCounty({
          code: "unknown-server",
          county: "",
          field: "server",
          detail: `the server name ${JSON.stringify(s.name)} is not 1–40 of a-z, 0-9, _ or is used twice`
        })
      )
    names.add(s.name)
  }
  const counties = [...options.counties].sort()
  const placement: Array<Placement> = []
  for (const [i, county] of counties.entries()) {
    if (!isId(county))
      return Result.fail(
        new InvalidCounty({
          code: "bad-id",
          county,
          field: "id",
          detail: "a county id is 1–40 of a-z, 0-9 or _ (its division code, such as 320583)"
        })
      )
    if (counties[i - 1] === county)
      return Result.fail(
        new InvalidCounty({ code: "duplicate", county, field: "id", detail: "listed twice" })
      )
    const server = options.place?.(county) ?? all[i % all.length]!.name
    if (!names.has(server))
      return Result.fail(
        new InvalidCounty({
          code: "unknown-server",
          county,
          field: "server",
          detail: `placed on ${JSON.stringify(server)}, which is not a server of the layout`
        })
      )
    placement.push({ county, server })
  }
  return Result.succeed({ coordinator: options.coordinator, servers, placement })
}

/**
 * The server a county's partition lives on, or `InvalidCounty` (`not-placed`).
 *
 * @example
 * {@includeCode ../examples/Layout.ts#make}
 *
 * @since 0.1.0
 * @category getters
 */
export const serverOf = (layout: Layout, county: string): Result.Result<Server, InvalidCounty> => {
  const p = layout.placement.find((x) => x.county === county)
  const name = p?.server
  const server = [layout.coordinator, ...layout.servers].find((s) => s.name === name)
  return server === undefined
    ? Result.fail(
        new InvalidCounty({
          code: "not-placed",
          county,
          field: "",
          detail: "the layout has no partition for it"
        })
      )
    : Result.succeed(server)
}
