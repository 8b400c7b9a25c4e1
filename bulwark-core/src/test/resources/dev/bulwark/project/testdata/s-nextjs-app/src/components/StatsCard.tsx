import clsx from "clsx";

export function StatsCard({ label, value }: { label: string; value: number }) {
  return (
    <div className={clsx("rounded-lg border p-4", value > 1000 && "bg-brand text-white")}>
      <p className="text-sm">{label}</p>
      <p className="text-2xl font-bold">{value.toLocaleString()}</p>
    </div>
  );
}
