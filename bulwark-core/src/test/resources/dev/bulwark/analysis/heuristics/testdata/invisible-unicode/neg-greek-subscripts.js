const φ = 0.5;
const [sinα, cosα] = base.sincos(α);
const αs = Math.atan2(φ, 1);
const ρsφ = su * φ;
