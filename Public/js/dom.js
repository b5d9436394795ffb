// Builds elements from data; user text only ever becomes text nodes, never markup.

const PROPERTIES = new Set(["className", "htmlFor", "textContent", "value", "hidden", "disabled", "selected", "checked", "maxLength", "rows", "type"]);

/**
 * Creates an element: `attributes` sets properties for PROPERTIES, `on…` functions as listeners,
 * `dataset`, and everything else as attributes (true → present, false/null → absent).
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") element.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(element.dataset, value);
    else if (PROPERTIES.has(key)) element[key] = value;
    else element.setAttribute(key, value === true ? "" : value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(element, ...children) {
  element.replaceChildren();
  append(element, children);
}
