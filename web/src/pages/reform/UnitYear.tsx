// The unit and year the reform pages show, kept in the address (?unit=&year=) so a link reopens the same view.
import { Select, Space } from "antd";
import { useSearchParams } from "react-router-dom";
import { unitsFor, useAuth } from "../../auth.tsx";

export function useUnitYear() {
  const { user } = useAuth();
  const [params, setParams] = useSearchParams();
  const units = unitsFor(user, "reform_officer", "leader", "admin");
  const unit = params.get("unit") ?? units[0]?.code ?? "";
  const year = Number(params.get("year") ?? new Date().getFullYear());
  const set = (next: { unit?: string; year?: number }) =>
    setParams((p) => {
      const q = new URLSearchParams(p);
      if (next.unit) q.set("unit", next.unit);
      if (next.year) q.set("year", String(next.year));
      return q;
    });
  return { unit, year, units, set };
}

export function UnitYearBar({ value }: { value: ReturnType<typeof useUnitYear> }) {
  const thisYear = new Date().getFullYear();
  return (
    <Space wrap>
      <Select
        aria-label="Đơn vị"
        style={{ minWidth: 240 }}
        value={value.unit || undefined}
        placeholder="Chọn đơn vị"
        options={value.units.map((u) => ({ value: u.code, label: u.name }))}
        onChange={(unit: string) => value.set({ unit })}
      />
      <Select
        aria-label="Năm"
        style={{ width: 110 }}
        value={value.year}
        options={Array.from({ length: 8 }, (_, i) => thisYear + 1 - i).map((y) => ({ value: y, label: `Năm ${y}` }))}
        onChange={(year: number) => value.set({ year })}
      />
    </Space>
  );
}
