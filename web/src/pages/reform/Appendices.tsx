// Phụ lục 1, 3 and 5 of the periodic CCHC report as the records give them (GET /api/reform/appendices):
// plans and tasks done, VBQPPL and TTHC reviewed by quarter, officials' qualifications.
import { Card, Table, Tabs } from "antd";
import { ProblemAlert } from "../../components/ProblemAlert.tsx";
import { useLoad } from "../../hooks.ts";
import { type ReformAppendices, reform } from "../../api/reform.ts";

const cell = (v: number | null | undefined) => (v === null || v === undefined ? "—" : v);

export function AppendicesCard({ unit, year, reload }: { unit: string; year: number; reload: unknown }) {
  const to = `${year}-12-31`;
  const data = useLoad(
    (signal) => (unit ? reform.appendices({ unit, from: `${year}-01-01`, to }, signal) : null),
    [unit, year, reload],
  );
  const a = data.data;
  return (
    <Card size="small" title={`Phụ lục báo cáo CCHC năm ${year} (tính từ hồ sơ)`}>
      <ProblemAlert message={data.error} />
      <Tabs
        items={[
          {
            key: "1",
            label: "Phụ lục 1: Kế hoạch",
            children: (
              <Table
                size="small"
                rowKey="stt"
                pagination={false}
                dataSource={a?.appendix1 ?? []}
                columns={[
                  { title: "TT", dataIndex: "stt", width: 50 },
                  { title: "Kế hoạch", dataIndex: "plan" },
                  {
                    title: "Thời gian ban hành",
                    dataIndex: "issuedOn",
                    render: (d: string) => d.split("-").reverse().join("/"),
                  },
                  { title: "Số nhiệm vụ trong kế hoạch", dataIndex: "planned", align: "right" },
                  { title: "Số nhiệm vụ hoàn thành", dataIndex: "done", align: "right" },
                ]}
              />
            ),
          },
          {
            key: "3",
            label: "Phụ lục 3: Cải cách thể chế",
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={a?.appendix3 ?? []}
                columns={[
                  { title: "Nội dung", dataIndex: "label" },
                  { title: "Năm trước", dataIndex: "previousYear", align: "right" },
                  ...[0, 1, 2, 3].map((q) => ({
                    title: `Quý ${["I", "II", "III", "IV"][q]}`,
                    key: `q${q}`,
                    align: "right" as const,
                    render: (_v: unknown, r: ReformAppendices["appendix3"][number]) => cell(r.quarters[q]),
                  })),
                  { title: "Tổng", dataIndex: "total", align: "right" },
                ]}
              />
            ),
          },
          {
            key: "5",
            label: "Phụ lục 5: Trình độ",
            children: (
              <Table
                size="small"
                rowKey="key"
                pagination={false}
                dataSource={a?.appendix5 ?? []}
                columns={[
                  { title: "Nội dung", dataIndex: "label" },
                  { title: "Năm trước", dataIndex: "previousYear", align: "right", render: cell },
                  { title: "Năm báo cáo", dataIndex: "reportYear", align: "right", render: cell },
                ]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
