/*
 * Runs last in Duktape, after the office.js stand-in and the function file's legacy scripts: starts Office
 * (onReady), checks that every FunctionName of manifest.xml (window.__functionNames, written by the test) is
 * registered, clicks 检查表单 (checkForm) and prints one JSON line with what happened.
 */
function __drain() {
  var n = 0;
  while (__timers.length) {
    var t = __timers.shift();
    if (!t.cancelled) t.fn.apply(window, t.args);
    n += 1;
    if (n > 1000000) throw new Error('timers never settle');
  }
}

var __result = { associated: [], globals: [], completed: false, error: null };
try {
  __drain();
  var office = window.__strictExcel;
  for (var i = 0; i < __functionNames.length; i++) {
    var name = __functionNames[i];
    if (typeof office.associated[name] === 'function') __result.associated.push(name);
    if (typeof window[name] === 'function') __result.globals.push(name);
  }
  var click = office.associated[__command];
  if (typeof click !== 'function') throw new Error('no handler for ' + __command);
  click({ completed: function () { __result.completed = true; } });
  __drain();
  __result.status = localStorage.getItem('jixiao.lastCommandStatus');
  __result.cells = office.snapshot();
} catch (e) {
  __result.error = String(e && e.stack ? e.stack : e);
}
__result.log = __log;
print('__RESULT__' + JSON.stringify(__result));
