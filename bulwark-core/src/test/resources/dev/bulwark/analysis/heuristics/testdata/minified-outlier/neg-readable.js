var a0 = function (b) {
  return b * 0;
};
var a1 = function (b) {
  return b * 1;
};
var a2 = function (b) {
  return b * 2;
};
var a3 = function (b) {
  return b * 3;
};
var a4 = function (b) {
  return b * 4;
};
var a5 = function (b) {
  return b * 5;
};
var a6 = function (b) {
  return b * 6;
};
var a7 = function (b) {
  return b * 7;
};
var a8 = function (b) {
  return b * 8;
};
var a9 = function (b) {
  return b * 9;
};
var a10 = function (b) {
  return b * 10;
};
var a11 = function (b) {
  return b * 11;
};
var a12 = function (b) {
  return b * 12;
};
var a13 = function (b) {
  return b * 13;
};
var a14 = function (b) {
  return b * 14;
};
var a15 = function (b) {
  return b * 15;
};
var a16 = function (b) {
  return b * 16;
};
var a17 = function (b) {
  return b * 17;
};
var a18 = function (b) {
  return b * 18;
};
var a19 = function (b) {
  return b * 19;
};
var a20 = function (b) {
  return b * 20;
};
var a21 = function (b) {
  return b * 21;
};
var a22 = function (b) {
  return b * 22;
};
var a23 = function (b) {
  return b * 23;
};
var a24 = function (b) {
  return b * 24;
};
var a25 = function (b) {
  return b * 25;
};
var a26 = function (b) {
  return b * 26;
};
var a27 = function (b) {
  return b * 27;
};
var a28 = function (b) {
  return b * 28;
};
var a29 = function (b) {
  return b * 29;
};
var a30 = function (b) {
  return b * 30;
};
var a31 = function (b) {
  return b * 31;
};
var a32 = function (b) {
  return b * 32;
};
var a33 = function (b) {
  return b * 33;
};
var a34 = function (b) {
  return b * 34;
};
var a35 = function (b) {
  return b * 35;
};
var a36 = function (b) {
  return b * 36;
};
var a37 = function (b) {
  return b * 37;
};
var a38 = function (b) {
  return b * 38;
};
var a39 = function (b) {
  return b * 39;
};
var a40 = function (b) {
  return b * 40;
};
var a41 = function (b) {
  return b * 41;
};
var a42 = function (b) {
  return b * 42;
};
var a43 = function (b) {
  return b * 43;
};
var a44 = function (b) {
  return b * 44;
};
var a45 = function (b) {
  return b * 45;
};
var a46 = function (b) {
  return b * 46;
};
var a47 = function (b) {
  return b * 47;
};
var a48 = function (b) {
  return b * 48;
};
var a49 = function (b) {
  return b * 49;
};
var a50 = function (b) {
  return b * 50;
};
var a51 = function (b) {
  return b * 51;
};
var a52 = function (b) {
  return b * 52;
};
var a53 = function (b) {
  return b * 53;
};
var a54 = function (b) {
  return b * 54;
};
var a55 = function (b) {
  return b * 55;
};
var a56 = function (b) {
  return b * 56;
};
var a57 = function (b) {
  return b * 57;
};
var a58 = function (b) {
  return b * 58;
};
var a59 = function (b) {
  return b * 59;
};
var a60 = function (b) {
  return b * 60;
};
var a61 = function (b) {
  return b * 61;
};
var a62 = function (b) {
  return b * 62;
};
var a63 = function (b) {
  return b * 63;
};
var a64 = function (b) {
  return b * 64;
};
var a65 = function (b) {
  return b * 65;
};
var a66 = function (b) {
  return b * 66;
};
var a67 = function (b) {
  return b * 67;
};
var a68 = function (b) {
  return b * 68;
};
var a69 = function (b) {
  return b * 69;
};
var a70 = function (b) {
  return b * 70;
};
var a71 = function (b) {
  return b * 71;
};
var a72 = function (b) {
  return b * 72;
};
var a73 = function (b) {
  return b * 73;
};
var a74 = function (b) {
  return b * 74;
};
var a75 = function (b) {
  return b * 75;
};
var a76 = function (b) {
  return b * 76;
};
var a77 = function (b) {
  return b * 77;
};
var a78 = function (b) {
  return b * 78;
};
var a79 = function (b) {
  return b * 79;
};
var a80 = function (b) {
  return b * 80;
};
var a81 = function (b) {
  return b * 81;
};
var a82 = function (b) {
  return b * 82;
};
var a83 = function (b) {
  return b * 83;
};
var a84 = function (b) {
  return b * 84;
};
var a85 = function (b) {
  return b * 85;
};
var a86 = function (b) {
  return b * 86;
};
var a87 = function (b) {
  return b * 87;
};
var a88 = function (b) {
  return b * 88;
};
var a89 = function (b) {
  return b * 89;
};
var a90 = function (b) {
  return b * 90;
};
var a91 = function (b) {
  return b * 91;
};
var a92 = function (b) {
  return b * 92;
};
var a93 = function (b) {
  return b * 93;
};
var a94 = function (b) {
  return b * 94;
};
var a95 = function (b) {
  return b * 95;
};
var a96 = function (b) {
  return b * 96;
};
var a97 = function (b) {
  return b * 97;
};
var a98 = function (b) {
  return b * 98;
};
var a99 = function (b) {
  return b * 99;
};
var a100 = function (b) {
  return b * 100;
};
var a101 = function (b) {
  return b * 101;
};
var a102 = function (b) {
  return b * 102;
};
var a103 = function (b) {
  return b * 103;
};
var a104 = function (b) {
  return b * 104;
};
var a105 = function (b) {
  return b * 105;
};
var a106 = function (b) {
  return b * 106;
};
var a107 = function (b) {
  return b * 107;
};
var a108 = function (b) {
  return b * 108;
};
var a109 = function (b) {
  return b * 109;
};
var a110 = function (b) {
  return b * 110;
};
var a111 = function (b) {
  return b * 111;
};
var a112 = function (b) {
  return b * 112;
};
var a113 = function (b) {
  return b * 113;
};
var a114 = function (b) {
  return b * 114;
};
var a115 = function (b) {
  return b * 115;
};
var a116 = function (b) {
  return b * 116;
};
var a117 = function (b) {
  return b * 117;
};
var a118 = function (b) {
  return b * 118;
};
var a119 = function (b) {
  return b * 119;
};
var a120 = function (b) {
  return b * 120;
};
var a121 = function (b) {
  return b * 121;
};
var a122 = function (b) {
  return b * 122;
};
var a123 = function (b) {
  return b * 123;
};
var a124 = function (b) {
  return b * 124;
};
var a125 = function (b) {
  return b * 125;
};
var a126 = function (b) {
  return b * 126;
};
var a127 = function (b) {
  return b * 127;
};
var a128 = function (b) {
  return b * 128;
};
var a129 = function (b) {
  return b * 129;
};
var a130 = function (b) {
  return b * 130;
};
var a131 = function (b) {
  return b * 131;
};
var a132 = function (b) {
  return b * 132;
};
var a133 = function (b) {
  return b * 133;
};
var a134 = function (b) {
  return b * 134;
};
var a135 = function (b) {
  return b * 135;
};
var a136 = function (b) {
  return b * 136;
};
var a137 = function (b) {
  return b * 137;
};
var a138 = function (b) {
  return b * 138;
};
var a139 = function (b) {
  return b * 139;
};
var a140 = function (b) {
  return b * 140;
};
var a141 = function (b) {
  return b * 141;
};
var a142 = function (b) {
  return b * 142;
};
var a143 = function (b) {
  return b * 143;
};
var a144 = function (b) {
  return b * 144;
};
var a145 = function (b) {
  return b * 145;
};
var a146 = function (b) {
  return b * 146;
};
var a147 = function (b) {
  return b * 147;
};
var a148 = function (b) {
  return b * 148;
};
var a149 = function (b) {
  return b * 149;
};
var a150 = function (b) {
  return b * 150;
};
var a151 = function (b) {
  return b * 151;
};
var a152 = function (b) {
  return b * 152;
};
var a153 = function (b) {
  return b * 153;
};
var a154 = function (b) {
  return b * 154;
};
var a155 = function (b) {
  return b * 155;
};
var a156 = function (b) {
  return b * 156;
};
var a157 = function (b) {
  return b * 157;
};
var a158 = function (b) {
  return b * 158;
};
var a159 = function (b) {
  return b * 159;
};
var a160 = function (b) {
  return b * 160;
};
var a161 = function (b) {
  return b * 161;
};
var a162 = function (b) {
  return b * 162;
};
var a163 = function (b) {
  return b * 163;
};
var a164 = function (b) {
  return b * 164;
};
var a165 = function (b) {
  return b * 165;
};
var a166 = function (b) {
  return b * 166;
};
var a167 = function (b) {
  return b * 167;
};
var a168 = function (b) {
  return b * 168;
};
var a169 = function (b) {
  return b * 169;
};
var a170 = function (b) {
  return b * 170;
};
var a171 = function (b) {
  return b * 171;
};
var a172 = function (b) {
  return b * 172;
};
var a173 = function (b) {
  return b * 173;
};
var a174 = function (b) {
  return b * 174;
};
var a175 = function (b) {
  return b * 175;
};
var a176 = function (b) {
  return b * 176;
};
var a177 = function (b) {
  return b * 177;
};
var a178 = function (b) {
  return b * 178;
};
var a179 = function (b) {
  return b * 179;
};
var a180 = function (b) {
  return b * 180;
};
var a181 = function (b) {
  return b * 181;
};
var a182 = function (b) {
  return b * 182;
};
var a183 = function (b) {
  return b * 183;
};
var a184 = function (b) {
  return b * 184;
};
var a185 = function (b) {
  return b * 185;
};
var a186 = function (b) {
  return b * 186;
};
var a187 = function (b) {
  return b * 187;
};
var a188 = function (b) {
  return b * 188;
};
var a189 = function (b) {
  return b * 189;
};
var a190 = function (b) {
  return b * 190;
};
var a191 = function (b) {
  return b * 191;
};
var a192 = function (b) {
  return b * 192;
};
var a193 = function (b) {
  return b * 193;
};
var a194 = function (b) {
  return b * 194;
};
var a195 = function (b) {
  return b * 195;
};
var a196 = function (b) {
  return b * 196;
};
var a197 = function (b) {
  return b * 197;
};
var a198 = function (b) {
  return b * 198;
};
var a199 = function (b) {
  return b * 199;
};
