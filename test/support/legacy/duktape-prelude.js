/*
 * Runs first in Duktape: a small ES5 stand-in for what a function file's page gives its scripts (window,
 * document, timers, localStorage, console), and an Internet Explorer 11 profile of globals: whatever
 * Duktape 2 has beyond ES5.1 is removed, so the add-in's legacy bundles must bring their own polyfills.
 * Timers only queue; duktape-driver.js runs them. ES5 only: no let, no arrow functions.
 */
var window = this;
window.window = window;
window.self = window;

(function removeNewerThanIe11(g) {
  var globals = ['Symbol', 'Promise', 'Map', 'Set', 'WeakMap', 'WeakSet', 'Proxy', 'Reflect', 'globalThis', 'fetch'];
  for (var i = 0; i < globals.length; i++) delete g[globals[i]];
  var members = [
    [Object, ['assign', 'values', 'entries', 'fromEntries', 'is', 'getOwnPropertySymbols', 'setPrototypeOf']],
    [Array, ['from', 'of']],
    [Array.prototype, ['flatMap', 'flat', 'includes', 'find', 'findIndex', 'fill', 'entries', 'keys', 'values']],
    [String.prototype, ['includes', 'padStart', 'padEnd', 'startsWith', 'endsWith', 'repeat', 'codePointAt', 'trimStart', 'trimEnd']],
    [String, ['fromCodePoint', 'raw']],
    [Number, ['isFinite', 'isNaN', 'isInteger', 'EPSILON', 'parseFloat']],
    [Math, ['sign', 'trunc', 'log10', 'imul', 'clz32', 'hypot']]
  ];
  for (var j = 0; j < members.length; j++) {
    for (var k = 0; k < members[j][1].length; k++) delete members[j][0][members[j][1][k]];
  }
})(window);

var __timers = [];
var __timerId = 0;
function setTimeout(fn, ms) {
  var args = Array.prototype.slice.call(arguments, 2);
  __timerId += 1;
  __timers.push({ id: __timerId, fn: fn, args: args, cancelled: false });
  return __timerId;
}
function clearTimeout(id) {
  for (var i = 0; i < __timers.length; i++) if (__timers[i].id === id) __timers[i].cancelled = true;
}
window.setTimeout = setTimeout;
window.clearTimeout = clearTimeout;

var __log = [];
var console = {
  log: function () { __log.push(['log', Array.prototype.join.call(arguments, ' ')]); },
  warn: function () { __log.push(['warn', Array.prototype.join.call(arguments, ' ')]); },
  error: function () {
    var parts = [];
    for (var i = 0; i < arguments.length; i++) {
      var a = arguments[i];
      parts.push(a && a.stack ? String(a.stack) : String(a));
    }
    __log.push(['error', parts.join(' ')]);
  }
};

var __storage = {};
var localStorage = {
  getItem: function (k) { return Object.prototype.hasOwnProperty.call(__storage, k) ? __storage[k] : null; },
  setItem: function (k, v) { __storage[k] = String(v); },
  removeItem: function (k) { delete __storage[k]; }
};

function __element(tag) {
  return {
    tagName: String(tag).toUpperCase(),
    style: {},
    childNodes: [],
    attributes: {},
    setAttribute: function (n, v) { this.attributes[n] = String(v); },
    getAttribute: function (n) { return Object.prototype.hasOwnProperty.call(this.attributes, n) ? this.attributes[n] : null; },
    appendChild: function (c) { this.childNodes.push(c); return c; },
    removeChild: function (c) { return c; },
    addEventListener: function () {},
    removeEventListener: function () {}
  };
}

var document = {
  readyState: 'complete',
  documentElement: __element('html'),
  head: __element('head'),
  body: __element('body'),
  createElement: __element,
  createTextNode: function (t) { return { nodeType: 3, data: String(t) }; },
  getElementById: function () { return null; },
  getElementsByTagName: function () { return []; },
  addEventListener: function () {},
  removeEventListener: function () {}
};
document.documentElement.setAttribute('data-page', 'commands');

var navigator = { userAgent: 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; rv:11.0) like Gecko', language: 'zh-CN' };
var location = { href: 'https://addins.example.test/commands.html', search: '', protocol: 'https:' };
window.location = location;
window.addEventListener = function () {};
window.removeEventListener = function () {};
