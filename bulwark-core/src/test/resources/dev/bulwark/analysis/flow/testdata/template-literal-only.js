// the name appears only as text of the template, not in a substitution
const t = process.env.NPM_TOKEN;
fetch(`https://example.invalid/docs/t`);
