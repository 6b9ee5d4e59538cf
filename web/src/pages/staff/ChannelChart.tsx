// Received dossiers by channel, from the results report's total row (figures come from the server).
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ResultsRow } from "../../types.ts";

export function ChannelChart({ total }: { total: ResultsRow }) {
  const data = [
    { name: "Trực tiếp", value: total.receivedDirect },
    { name: "Bưu chính", value: total.receivedPostal },
    { name: "TT một phần", value: total.receivedOnlinePartial },
    { name: "TT toàn trình", value: total.receivedOnlineFull },
  ];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="visually-hidden">
        Hồ sơ tiếp nhận theo kênh: {data.map((d) => `${d.name} ${d.value}`).join(", ")}
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => [String(v), "Hồ sơ"]} />
          <Bar dataKey="value" fill="#0a4ea3" name="Hồ sơ" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export function OutcomeChart({ total }: { total: ResultsRow }) {
  const data = [
    { name: "Trước hạn", value: total.finishedEarly },
    { name: "Đúng hạn", value: total.finishedOnTime },
    { name: "Trễ hạn", value: total.finishedLate },
    { name: "Đang – trong hạn", value: total.openWithinDeadline },
    { name: "Đang – quá hạn", value: total.openOverdue },
  ];
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="visually-hidden">
        Kết quả giải quyết: {data.map((d) => `${d.name} ${d.value}`).join(", ")}
      </figcaption>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} margin={{ top: 8, right: 8, left: 0, bottom: 8 }}>
          <CartesianGrid strokeDasharray="3 3" />
          <XAxis dataKey="name" />
          <YAxis allowDecimals={false} />
          <Tooltip formatter={(v) => [String(v), "Hồ sơ"]} />
          <Bar dataKey="value" fill="#237804" name="Hồ sơ" />
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}
