function center(x, w) {
  var Δx = Math.floor((x - w) / 2);
  var θrad = Δx * Math.PI / 180;
  return [Δx, θrad];
}
