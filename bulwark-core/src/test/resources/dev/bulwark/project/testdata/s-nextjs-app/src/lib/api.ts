export type Stat = { label: string; value: number };

export async function getStats(): Promise<Stat[]> {
  const res = await fetch(`${process.env.NEXT_PUBLIC_BASE_URL ?? "http://localhost:3000"}/api/stats`, {
    cache: "no-store",
  });
  if (!res.ok) throw new Error("Failed to load stats");
  return res.json();
}
