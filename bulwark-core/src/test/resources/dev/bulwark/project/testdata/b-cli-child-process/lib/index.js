exports.summarize = (authors) => {
  const counts = {};
  for (const a of authors.filter(Boolean)) counts[a] = (counts[a] || 0) + 1;
  return Object.entries(counts).sort((x, y) => y[1] - x[1]);
};
