import PlacementDemo
import PlacementStore

extension RecordBatch {
    /// A generated demo data set, ready to insert in one transaction.
    public init(_ demo: DemoDataset) {
        self.init(providers: demo.providers, vacancies: demo.vacancies, children: demo.children, placements: demo.placements,
                  notices: demo.notices, contacts: demo.contacts,
                  postcodes: demo.postcodes.map {
                      StoredPostcode(postcode: $0.postcode.value, latitude: $0.coordinate.latitude,
                                     longitude: $0.coordinate.longitude, authorityCode: $0.authorityCode)
                  })
    }
}
