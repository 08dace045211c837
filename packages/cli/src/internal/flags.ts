import { LocalDate } from "@gongjian/core"
import { Flag } from "effect/cli"

// The flags the commands share, declared once: a command that needs other
// words in its help overrides only the description.

const policyText =
  "A reference policy (000 … 004, e.g. 002-investment-drive) or a path to a plugin module (path#export to choose one)"

/** @internal `--policy`: a reference policy or a plugin module. */
export const policy = Flag.String("policy").pipe(Flag.withDescription(policyText))

/** @internal `--policy` for a command that also runs without one: `what` it adds. */
export const optionalPolicy = (what: string) =>
  policy.pipe(Flag.optional, Flag.withDescription(`${policyText}: ${what}`))

/** @internal `--options`: a JSON file of the policy's options. */
export const options = Flag.String("options").pipe(
  Flag.optional,
  Flag.withDescription("A JSON file of the policy's options")
)

/** @internal `--lang`: zh (default) or en. */
export const lang = Flag.Literals("lang", ["zh", "en"]).pipe(
  Flag.withDefault("zh" as const),
  Flag.withDescription("Output language: zh (default) or en")
)

/** @internal `--as-of`: a date, YYYY-MM-DD. */
export const asOf = Flag.String("as-of").pipe(
  Flag.withSchema(LocalDate.LocalDate),
  Flag.optional,
  Flag.withDescription("The as-of date, YYYY-MM-DD (default: the snapshot's)")
)

/** @internal `--campaign`: a campaign of the ledger. */
export const campaign = Flag.String("campaign").pipe(Flag.withDescription("The campaign id"))

/** @internal `--campaign` for a command that also reads a file: `description` says what it does. */
export const optionalCampaign = (description: string) =>
  campaign.pipe(Flag.optional, Flag.withDescription(description))

const knownAtText = "the end of that day in Beijing time, or a time with its offset); default now"

/** @internal `--known-at`: what the ledger knew at a time. */
export const knownAt = Flag.String("known-at").pipe(
  Flag.optional,
  Flag.withDescription(`As known at this time (YYYY-MM-DD, ${knownAtText}`)
)

/** @internal `--ledger`: a folder of the embedded database or a postgres:// URL. */
export const ledger = Flag.String("ledger").pipe(
  Flag.withDefault("gongjian-data"),
  Flag.withDescription(
    "The ledger: a folder of the embedded database (default ./gongjian-data) or a postgres:// URL"
  )
)

/** @internal `--ledger` for a command that reads it with --campaign only. */
export const optionalLedger = (description: string) =>
  Flag.String("ledger").pipe(Flag.optional, Flag.withDescription(description))

/** @internal `--ledger`, `--campaign` and `--known-at`, for commands that read a snapshot from a ledger. */
export const ledgerInput = {
  ledger: optionalLedger(
    "Read the snapshot from a ledger: a folder of the embedded database or a postgres:// URL (with --campaign; default ./gongjian-data)"
  ),
  campaign: optionalCampaign("Read the campaign's snapshot from the ledger instead of a file"),
  knownAt: knownAt.pipe(
    Flag.withDescription(
      `With --campaign: the snapshot as known at this time (YYYY-MM-DD, ${knownAtText}`
    )
  )
}
