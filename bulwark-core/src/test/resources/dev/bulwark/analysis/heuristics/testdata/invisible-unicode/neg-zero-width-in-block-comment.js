class A {
  /**
  Get the _n_​th outgoing edge.
  */
  edge(n) { return n; }
}
