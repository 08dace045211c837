// Interim demo until the `gongjian` CLI lands: it runs the built @gongjian/core
// on real questions a county office asks of the calendar and of money.
import { Calendar, Money, Period } from "../packages/core/dist/index.js"

const cal = Calendar.stateCouncil()
const line = (label, value) => console.log(`${label.padEnd(36)} ${value}`)

console.log("gongjian — @gongjian/core\n")
line(
  "100-day window 2026-02-20 → 2026-05-31:",
  `${Calendar.workingDaysBetween(cal, "2026-02-19", "2026-05-31")} working days`
)
line("限时办结 3 working days from 2025-09-26:", Calendar.addWorkingDays(cal, "2025-09-26", 3))
line("10 working days from 2026-09-28:", Calendar.addWorkingDays(cal, "2026-09-28", 10))
const goal = Money.parseUnsafe("8.6亿元")
const done = Money.sum(["2.5亿元", "1.35亿元", "9800万元"].map((t) => Money.parseUnsafe(t)))
line("outside domestic capital (000 一):", `${Money.format(done)} of ${Money.format(goal)}`)
line(
  "completion:",
  `${Money.ratio(done, goal, 4).value * 10n ** 0n}e-${Money.ratio(done, goal, 4).scale}`
)
line(
  "bulletins, 2026-08-01 → 2026-09-30:",
  Period.between("half-month", "2026-08-01", "2026-09-30")
    .map((p) => p.label)
    .join(" ")
)
