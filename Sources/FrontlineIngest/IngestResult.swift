import FrontlineKit
import GeoModel

/// Where a field's value came from: the sentence, the words that gave it, and how sure the rule is (0…1).
public struct Evidence: Hashable, Sendable {
    /// The sentence the value was read from.
    public var sentence: String
    /// The words that gave the value ("on Thursday", "the town of Barda").
    public var text: String
    /// How sure the rule is, 0…1.
    public var confidence: Double

    /// Evidence from a sentence, its words and a confidence (0…1).
    public init(sentence: String, text: String, confidence: Double) {
        self.sentence = sentence; self.text = text; self.confidence = confidence
    }

    /// `{"text", "sentence", "confidence"}`.
    public var json: JSONValue {
        ["text": .string(text), "sentence": .string(sentence), "confidence": .number((confidence * 100).rounded() / 100)]
    }
}

/// An incident read from a report, with the evidence for each field.
public struct ExtractedIncident: Hashable, Sendable {
    /// The incident record, as the events table and the join take it.
    public var incident: Incident
    /// The phrases that gave the date and the place ("on Thursday", "the road near Berdzor").
    public var dateText: String?
    /// The phrase that gave the place ("the road near Berdzor").
    public var placeText: String?
    /// Evidence by field name (`date`, `place`, `type`, `attacker`, `killed`, `wounded`, `claimant`, `denied_by`, `status`).
    public var evidence: [String: Evidence]
    /// False when the text gives no year and no report date is known: the record is kept (never dropped), its
    /// `incident.date` is meaningless and the JSON writes `"date": null`.
    public var dateResolved: Bool = true
}

/// An aggregate claim read from a report, with its evidence.
public struct ExtractedAggregate: Hashable, Sendable {
    /// The running total, with its claimant, date and period.
    public var claim: AggregateClaim
    /// The sentence and figure it came from.
    public var evidence: Evidence
    /// False when no date could be resolved: the JSON writes `"date": null`.
    public var dateResolved: Bool = true
}

/// A place name the gazetteer could not settle.
public struct PlaceNote: Hashable, Sendable {
    /// The name as written.
    public var name: String
    /// The phrase it was in.
    public var text: String
    /// The sentence it was in.
    public var sentence: String
    /// Gazetteer ids of the candidates (for an ambiguous name).
    public var candidates: [String]
}

/// What `ingest` found in one report.
public struct IngestResult: Hashable, Sendable {
    /// The report's date, against which relative dates resolve; nil when none could be found.
    public var reportDate: Day?
    /// `given`, `dateline`, `header`, `file name`, `text` or `none`.
    public var reportDateSource: String
    /// The report's headline, when it has one.
    public var headline: String?
    /// The dateline as read ("Ganja, Azerbaijan, 10/11 (Reuters)").
    public var dateline: String?
    /// The incidents, in the order the text tells them.
    public var incidents: [ExtractedIncident]
    /// Running totals ("so far", "since the fighting began"), kept apart from incidents.
    public var aggregates: [ExtractedAggregate]
    /// Claims that places changed hands: captures, liberations, handovers, withdrawals, encirclements.
    public var controlClaims: [ControlClaim] = []
    /// Names in place phrases that no gazetteer knows: reported, never dropped.
    public var unresolvedPlaces: [PlaceNote]
    /// Names with several candidate places that the text did not settle.
    public var ambiguousPlaces: [PlaceNote]
    /// Things a reader should know ("no report date: relative dates left unresolved").
    public var warnings: [String]

    /// The ingest JSON: report date, incidents with evidence, aggregates, unresolved and ambiguous places.
    /// `joins` (JSON by incident id, e.g. `JoinedIncident.joinJSON`) adds controller, district and distance to the
    /// front; the ingester itself knows nothing of control.
    public func json(joins: [String: JSONValue] = [:]) -> JSONValue {
        var o = JSONObject()
        o["report_date"] = reportDate.map { .string($0.description) } ?? .null
        o["report_date_source"] = .string(reportDateSource)
        o["headline"] = headline.map(JSONValue.string) ?? .null
        o["dateline"] = dateline.map(JSONValue.string) ?? .null
        o["incidents"] = .array(incidents.map { e in
            guard case .object(var i) = e.incident.json else { return .null }
            if !e.dateResolved { i["date"] = .null; i["date_precision"] = .null }
            i["date_text"] = e.dateText.map(JSONValue.string) ?? .null
            i["place_text"] = e.placeText.map(JSONValue.string) ?? .null
            if let j = joins[e.incident.id] { i["join"] = j }
            i["evidence"] = .object(JSONObject(Self.fieldOrder.compactMap { k in e.evidence[k].map { (k, $0.json) } }))
            return .object(i)
        })
        o["aggregates"] = .array(aggregates.map { a in
            guard case .object(var c) = a.claim.json else { return .null }
            if !a.dateResolved { c["date"] = .null; c["date_precision"] = .null }
            c["evidence"] = a.evidence.json
            return .object(c)
        })
        o["control_claims"] = .array(controlClaims.map(\.json))
        func note(_ n: PlaceNote) -> JSONValue {
            var p = JSONObject()
            p["name"] = .string(n.name)
            p["text"] = .string(n.text)
            if !n.candidates.isEmpty { p["candidates"] = .array(n.candidates.map(JSONValue.string)) }
            p["sentence"] = .string(n.sentence)
            return .object(p)
        }
        o["unresolved_places"] = .array(unresolvedPlaces.map(note))
        o["ambiguous_places"] = .array(ambiguousPlaces.map(note))
        o["warnings"] = .array(warnings.map(JSONValue.string))
        return .object(o)
    }

    static let fieldOrder = ["date", "place", "type", "attacker", "killed", "wounded", "claimant", "denied_by", "status", "notes"]
}
