import Fastify from "fastify";
import { PrismaClient } from "@prisma/client";
import { z } from "zod";

const prisma = new PrismaClient();
const app = Fastify({ logger: true });
const Order = z.object({ total: z.number().positive() });

app.get("/orders", async () => prisma.order.findMany());
app.post("/orders", async (req) => prisma.order.create({ data: Order.parse(req.body) }));
app.listen({ port: Number(process.env.PORT ?? 3000) });
