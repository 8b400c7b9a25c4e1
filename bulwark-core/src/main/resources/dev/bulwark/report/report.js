(function () {
  var q = document.getElementById('q');
  if (!q) { return; }
  q.hidden = false;
  q.addEventListener('input', function () {
    var v = q.value.toLowerCase();
    var items = document.querySelectorAll('.finding');
    for (var i = 0; i < items.length; i++) {
      var hit = v === '' || items[i].textContent.toLowerCase().indexOf(v) >= 0;
      items[i].classList.toggle('nomatch', !hit);
    }
  });
})();
