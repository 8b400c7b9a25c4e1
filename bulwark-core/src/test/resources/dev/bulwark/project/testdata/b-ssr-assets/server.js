import express from 'express'

const app = express()
const { createServer } = await import('vite')
const vite = await createServer({ server: { middlewareMode: true }, appType: 'custom' })
app.use(vite.middlewares)
app.use('*all', async (req, res) => {
  const { render } = await vite.ssrLoadModule('/src/entry-server.jsx')
  res.status(200).set({ 'Content-Type': 'text/html' }).send(render(req.originalUrl).html)
})
app.listen(5173)
