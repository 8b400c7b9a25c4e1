// Central error handler: logs and answers with JSON.
const errorHandler = (err, req, res, next) => {
  const status = err.response ? err.response.status : err.statusCode || 500;
  console.error(`[${req.method}] ${req.originalUrl}:`, err.message);
  res.status(status).json({
    message: err.message,
    details: err.response ? err.response.data : undefined,
    stack: process.env.NODE_ENV === "production" ? undefined : err.stack,
  });
};

module.exports = errorHandler;
