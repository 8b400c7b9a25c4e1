import { NextResponse } from "next/server";

export async function GET() {
  return NextResponse.json([
    { label: "Users", value: 1204 },
    { label: "Orders", value: 332 },
    { label: "Revenue", value: 18930 },
  ]);
}
