package dev.bulwark.version;

import java.math.BigInteger;
import java.util.List;

/** One primitive npm comparator such as "&gt;=1.2.3" or "&lt;2.0.0-0". */
record NpmComparator(Op op, SemVer version) {
  enum Op {
    LT("<"), LE("<="), GT(">"), GE(">="), EQ("=");

    final String text;

    Op(String text) {
      this.text = text;
    }
  }

  /** "&lt;0.0.0-0": matches nothing; what npm turns "&gt;*" and "&lt;*" into. */
  static final NpmComparator NONE =
      new NpmComparator(Op.LT, SemVer.of(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, List.of("0")));

  boolean test(SemVer v) {
    int c = v.compareTo(version);
    return switch (op) {
      case LT -> c < 0;
      case LE -> c <= 0;
      case GT -> c > 0;
      case GE -> c >= 0;
      case EQ -> c == 0;
    };
  }

  boolean isLowerBound() {
    return op == Op.GT || op == Op.GE || op == Op.EQ;
  }

  boolean isUpperBound() {
    return op == Op.LT || op == Op.LE || op == Op.EQ;
  }

  boolean inclusive() {
    return op == Op.LE || op == Op.GE || op == Op.EQ;
  }

  @Override
  public String toString() {
    return op.text + version;
  }
}
