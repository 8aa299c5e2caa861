/// An attribute value; numbers and paths are formatted by the writer with its one precision setting.
public enum SVGValue: Hashable, Sendable {
    /// Text, escaped on output.
    case text(String)
    /// A number, written with the writer's precision.
    case number(Double)
    /// Path data, written as a `d` string with the writer's precision.
    case path(PathData)
}

/// A node of an SVG document tree, serialised only by `SVGWriter`.
public enum SVGNode: Hashable, Sendable {
    /// A child element.
    case element(SVGElement)
    /// Character data (escaped on output).
    case text(String)
    /// A CSS style sheet, written inside `<style>` as-is (no data text may go here).
    case css(String)
}

/// An SVG element: a name, ordered attributes, children.
public struct SVGElement: Hashable, Sendable {
    /// The element name (`g`, `path`, `text`, …).
    public var name: String
    /// The attributes, written in this order.
    public var attributes: [(key: String, value: SVGValue)]
    /// The child nodes, in document order.
    public var children: [SVGNode]

    /// Creates an element from a name, attributes (in order) and children.
    public init(_ name: String, _ attributes: [(String, SVGValue)] = [], children: [SVGNode] = []) {
        self.name = name
        self.attributes = attributes.map { (key: $0.0, value: $0.1) }
        self.children = children
    }

    /// Appends an attribute.
    public mutating func set(_ key: String, _ value: SVGValue) { attributes.append((key: key, value: value)) }

    /// Appends a child element.
    public mutating func append(_ child: SVGElement) { children.append(.element(child)) }

    /// True when the name, the attributes (in order) and the children are equal.
    public static func == (l: SVGElement, r: SVGElement) -> Bool {
        l.name == r.name && l.children == r.children && l.attributes.count == r.attributes.count
            && zip(l.attributes, r.attributes).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    /// Hashes the name, the attributes in order, and the children.
    public func hash(into h: inout Hasher) {
        h.combine(name)
        for a in attributes { h.combine(a.key); h.combine(a.value) }
        h.combine(children)
    }
}

extension SVGElement {
    /// A `<g>` with an id and/or class.
    public static func group(id: String? = nil, class cls: String? = nil, _ children: [SVGElement] = []) -> SVGElement {
        var attrs: [(String, SVGValue)] = []
        if let id { attrs.append(("id", .text(id))) }
        if let cls { attrs.append(("class", .text(cls))) }
        return SVGElement("g", attrs, children: children.map(SVGNode.element))
    }

    /// A `<text>` element; `text` is data and will be escaped.
    public static func text(_ text: String, x: Double, y: Double, class cls: String, anchor: String? = nil) -> SVGElement {
        var attrs: [(String, SVGValue)] = [("class", .text(cls)), ("x", .number(x)), ("y", .number(y))]
        if let anchor, anchor != "start" { attrs.append(("text-anchor", .text(anchor))) }
        return SVGElement("text", attrs, children: [.text(text)])
    }

    /// A `<rect>`.
    public static func rect(_ r: Rect, class cls: String? = nil) -> SVGElement {
        var attrs: [(String, SVGValue)] = [("x", .number(r.x)), ("y", .number(r.y)), ("width", .number(r.width)), ("height", .number(r.height))]
        if let cls { attrs.insert(("class", .text(cls)), at: 0) }
        return SVGElement("rect", attrs)
    }
}
