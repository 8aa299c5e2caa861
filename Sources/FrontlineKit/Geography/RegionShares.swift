import Foundation
import GeoModel
import GeoOps

/// Km² and share of a region held by a side on a date.
public struct RegionShare: Sendable {
    /// The region's id (a dataset district id, or a world layer's region id).
    public var regionID: String
    /// The region's name.
    public var regionName: String
    /// The region's country code, when known.
    public var country: String?
    /// The side's id.
    public var side: String
    /// km² of the region the side holds, on the WGS84 ellipsoid.
    public var areaKm2: Double
    /// The region's whole area in km², on the WGS84 ellipsoid.
    public var regionKm2: Double
    /// The percentage of the region the side holds (0 for a region of no area).
    public var pctOfRegion: Double { regionKm2 > 0 ? 100 * areaKm2 / regionKm2 : 0 }
    /// Creates a row from a region, a side, and the two areas in km².
    public init(regionID: String, regionName: String, country: String?, side: String, areaKm2: Double, regionKm2: Double) {
        self.regionID = regionID; self.regionName = regionName; self.country = country; self.side = side
        self.areaKm2 = areaKm2; self.regionKm2 = regionKm2
    }
}

/// Km² of a region gained and lost by a side between two dates.
public struct RegionChange: Sendable {
    /// The region's id (a dataset district id, or a world layer's region id).
    public var regionID: String
    /// The region's name.
    public var regionName: String
    /// The side's id.
    public var side: String
    /// km² of the region the side gained, on the WGS84 ellipsoid.
    public var gainedKm2: Double
    /// km² of the region the side lost, on the WGS84 ellipsoid.
    public var lostKm2: Double
    /// gained − lost, km².
    public var netKm2: Double { gainedKm2 - lostKm2 }
}

/// Control broken down by region: what analysts recompute by hand with admin boundaries.
public enum RegionBreakdown {
    /// The regions for a state: the dataset's districts, or the world layers' regions of every country whose
    /// box meets the drawn area (only regions the drawn sides touch are kept by the callers).
    public static func regions(for source: ControlSource, window: BoundingBox?, world: WorldGeography?) throws(FrontlineError) -> [Region] {
        if let ds = source as? DatasetSource {
            return ds.dataset.districts.map { Region(id: $0.id, name: $0.name, country: "AZ", geometry: $0.geometry) }
        }
        guard let world, let window else { return [] }
        var out: [Region] = []
        for c in world.countryCodes(meeting: window) { out += try world.regions(of: c) }
        return out
    }

    /// Each side's km² in each region it touches, with the share of the region.
    public static func shares(_ state: ControlState, sides: [Side], regions: [Region]) throws(FrontlineError) -> [RegionShare] {
        do {
            var rows: [RegionShare] = []
            let areas = sides.compactMap { s in state.areas[s.id].map { (s.id, $0, BoundingBox(geometry: $0)) } }
            for r in regions {
                guard let rb = BoundingBox(geometry: r.geometry) else { continue }
                var regionKm2: Double?
                for (side, g, b) in areas {
                    guard let b, b.intersects(rb), try g.intersects(r.geometry) else { continue }
                    let km2 = Geodesy.areaKm2(try g.intersection(r.geometry))
                    guard km2 >= 0.01 else { continue }
                    if regionKm2 == nil { regionKm2 = Geodesy.areaKm2(r.geometry) }
                    rows.append(RegionShare(regionID: r.id, regionName: r.name, country: r.country, side: side, areaKm2: km2, regionKm2: regionKm2 ?? 0))
                }
            }
            return rows.sorted { ($0.side, -$0.areaKm2) < ($1.side, -$1.areaKm2) }
        } catch {
            throw .geometry("region shares on \(state.date): \(error)")
        }
    }

    /// Gains and losses of each side per region, from a diff's change polygons.
    public static func changes(_ diff: ControlDiff, regions: [Region]) throws(FrontlineError) -> [RegionChange] {
        do {
            var acc: [String: (name: String, gained: [String: Double], lost: [String: Double])] = [:]
            var order: [String] = []
            for ch in diff.changes {
                guard let cb = BoundingBox(geometry: ch.geometry) else { continue }
                for r in regions {
                    guard let rb = BoundingBox(geometry: r.geometry), rb.intersects(cb), try ch.geometry.intersects(r.geometry) else { continue }
                    let km2 = Geodesy.areaKm2(try ch.geometry.intersection(r.geometry))
                    guard km2 > 1e-4 else { continue }
                    if acc[r.id] == nil { acc[r.id] = (r.name, [:], [:]); order.append(r.id) }
                    acc[r.id]!.gained[ch.toSide, default: 0] += km2
                    acc[r.id]!.lost[ch.fromSide, default: 0] += km2
                }
            }
            var rows: [RegionChange] = []
            for id in order {
                let a = acc[id]!
                for side in Set(a.gained.keys).union(a.lost.keys).sorted() {
                    rows.append(RegionChange(regionID: id, regionName: a.name, side: side, gainedKm2: a.gained[side] ?? 0, lostKm2: a.lost[side] ?? 0))
                }
            }
            return rows.sorted { (abs($0.netKm2), $0.regionID) > (abs($1.netKm2), $1.regionID) }
        } catch {
            throw .geometry("region changes: \(error)")
        }
    }
}
