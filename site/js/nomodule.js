// Runs only in browsers without ES modules: say so instead of a blank page.
(function () {
  var p = document.getElementById('dd-boot');
  if (p) p.innerHTML = '您的浏览器版本较旧，无法使用本网页测算。请用手机自带的浏览器打开，或到社区（村）委会、乡镇（街道）社会救助窗口咨询。';
})();
