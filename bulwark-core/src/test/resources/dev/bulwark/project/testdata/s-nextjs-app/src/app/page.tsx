import { StatsCard } from "@/components/StatsCard";
import { getStats } from "@/lib/api";

export default async function Home() {
  const stats = await getStats();
  return (
    <main className="grid grid-cols-3 gap-4 p-8">
      {stats.map((s) => (
        <StatsCard key={s.label} label={s.label} value={s.value} />
      ))}
    </main>
  );
}
