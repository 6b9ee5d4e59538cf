// Channels and online service (kênh tiếp nhận, dịch vụ công trực tuyến; seeds 001, 002, 004):
// dossiers received by channel, online / fully-online / postal shares, the procedures offered at each
// online level with how many of them actually received dossiers (any channel, and online), and per procedure
// the dossiers received by channel. "Offered" is the caller's list: the versions in force in the period,
// applicable to the unit (reports-records.ts offeredProcedures).
import { CHANNELS, type Channel, type CompetentLevel, type DossierRecord } from "../dossier/record.ts";
import { type Period, periodBounds } from "./period.ts";
import { type Ratio, ratio } from "./ratio.ts";
import { inScope, type UnitScope } from "./results.ts";

/** Mức độ dịch vụ công trực tuyến: toàn trình (old level 4), một phần (level 3), none (level 2). */
export type OnlineLevel = "full" | "partial" | "none";
export const ONLINE_LEVELS: readonly OnlineLevel[] = ["full", "partial", "none"];

export interface OfferedProcedure {
  code: string;
  name?: string;
  onlineLevel: OnlineLevel;
  competentLevel?: CompetentLevel;
}

export interface ChannelsQuery extends Period {
  unit?: string | null;
  scope?: UnitScope;
}

export interface ProceduresAtLevel {
  /** Procedures offered at this level. */
  offered: number;
  /** Of them, procedures that received at least one dossier (any channel) in the period. */
  withDossiers: number;
  withDossiersShare: Ratio;
  /** Dossiers received in the period (any channel) for procedures at this level. */
  dossiers: number;
  /** Of them, procedures that received at least one dossier through an online channel in the period. */
  withOnlineDossiers: number;
  withOnlineDossiersShare: Ratio;
  /** Dossiers received online in the period for procedures at this level. */
  onlineDossiers: number;
  procedureCodes: string[];
}

export interface ChannelsReport {
  report: "channels";
  unit: string | null;
  from: string;
  to: string;
  received: number;
  byChannel: Record<Channel, number>;
  /** (online partial + online full) / received — tỷ lệ hồ sơ trực tuyến. */
  onlineShare: Ratio;
  /** online full / received — tỷ lệ hồ sơ trực tuyến toàn trình. */
  fullyOnlineShare: Ratio;
  /** postal / received — tỷ lệ hồ sơ qua bưu chính công ích. */
  postalShare: Ratio;
  procedures: Record<OnlineLevel, ProceduresAtLevel>;
  /**
   * Every procedure offered or with dossiers received in the period, by code: dossiers received by channel.
   * `offered: false` marks dossiers of procedures outside the offered list (another level, a placeholder).
   */
  byProcedure: ProcedureChannels[];
  /** Codes of the dossiers behind each channel figure. */
  dossiers: Record<Channel, string[]>;
}

export interface ProcedureChannels {
  code: string;
  name: string | null;
  /** The online level offered; null for a procedure not in the offered list. */
  onlineLevel: OnlineLevel | null;
  competentLevel: CompetentLevel | null;
  offered: boolean;
  received: number;
  byChannel: Record<Channel, number>;
}

export function isOnline(channel: Channel): boolean {
  return channel === "online_partial" || channel === "online_full";
}

/** Dossiers received in the period by units in scope. */
function receivedInPeriod(dossiers: Iterable<DossierRecord>, query: ChannelsQuery): DossierRecord[] {
  const { start, end } = periodBounds(query);
  const out: DossierRecord[] = [];
  for (const d of dossiers) {
    if (d.receivedAt && d.receivedAt >= start && d.receivedAt < end && inScope(query.scope, d.unit.code)) out.push(d);
  }
  return out;
}

export function channelsReport(
  dossiers: Iterable<DossierRecord>,
  query: ChannelsQuery,
  offered: readonly OfferedProcedure[] = [],
): ChannelsReport {
  const received = receivedInPeriod(dossiers, query);
  const byCodes = Object.fromEntries(CHANNELS.map((c) => [c, [] as string[]])) as Record<Channel, string[]>;
  for (const d of received) byCodes[d.channel].push(d.code);
  const byChannel = Object.fromEntries(CHANNELS.map((c) => [c, byCodes[c].length])) as Record<Channel, number>;
  const online = byChannel.online_partial + byChannel.online_full;
  return {
    report: "channels",
    unit: query.unit ?? null,
    from: query.from,
    to: query.to,
    received: received.length,
    byChannel,
    onlineShare: ratio(online, received.length),
    fullyOnlineShare: ratio(byChannel.online_full, received.length),
    postalShare: ratio(byChannel.postal, received.length),
    procedures: proceduresByLevel(received, offered),
    byProcedure: channelsByProcedure(received, offered),
    dossiers: byCodes,
  };
}

function countBy(received: readonly DossierRecord[], keep: (d: DossierRecord) => boolean): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of received) if (keep(d)) counts.set(d.procedure.code, (counts.get(d.procedure.code) ?? 0) + 1);
  return counts;
}

function proceduresByLevel(
  received: readonly DossierRecord[],
  offered: readonly OfferedProcedure[],
): Record<OnlineLevel, ProceduresAtLevel> {
  const onlineCount = countBy(received, (d) => isOnline(d.channel));
  const anyCount = countBy(received, () => true);
  const result = {} as Record<OnlineLevel, ProceduresAtLevel>;
  for (const level of ONLINE_LEVELS) {
    const atLevel = offered.filter((p) => p.onlineLevel === level);
    const usedOnline = atLevel.filter((p) => (onlineCount.get(p.code) ?? 0) > 0);
    const used = atLevel.filter((p) => (anyCount.get(p.code) ?? 0) > 0);
    result[level] = {
      offered: atLevel.length,
      withDossiers: used.length,
      withDossiersShare: ratio(used.length, atLevel.length),
      dossiers: atLevel.reduce((sum, p) => sum + (anyCount.get(p.code) ?? 0), 0),
      withOnlineDossiers: usedOnline.length,
      withOnlineDossiersShare: ratio(usedOnline.length, atLevel.length),
      onlineDossiers: atLevel.reduce((sum, p) => sum + (onlineCount.get(p.code) ?? 0), 0),
      procedureCodes: usedOnline.map((p) => p.code),
    };
  }
  return result;
}

const zeroChannels = () => Object.fromEntries(CHANNELS.map((c) => [c, 0])) as Record<Channel, number>;

function channelsByProcedure(
  received: readonly DossierRecord[],
  offered: readonly OfferedProcedure[],
): ProcedureChannels[] {
  const rows = new Map<string, ProcedureChannels>();
  for (const p of offered) {
    rows.set(p.code, {
      code: p.code,
      name: p.name ?? null,
      onlineLevel: p.onlineLevel,
      competentLevel: p.competentLevel ?? null,
      offered: true,
      received: 0,
      byChannel: zeroChannels(),
    });
  }
  for (const d of received) {
    let row = rows.get(d.procedure.code);
    if (!row) {
      row = {
        code: d.procedure.code,
        name: d.procedure.name ?? null,
        onlineLevel: null,
        competentLevel: d.procedure.level ?? null,
        offered: false,
        received: 0,
        byChannel: zeroChannels(),
      };
      rows.set(d.procedure.code, row);
    }
    row.received += 1;
    row.byChannel[d.channel] += 1;
  }
  return [...rows.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
