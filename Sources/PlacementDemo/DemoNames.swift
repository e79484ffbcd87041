import PlacementCore
/// Fictional names for demo children, carers, officers and providers. Any likeness to a real
/// person or service is accidental; provider names are built from common Welsh house names.
enum DemoNames {
    static let welshGirls = ["Cerys", "Gwenllïan", "Siân", "Ffion", "Nia", "Catrin", "Megan", "Elin", "Lowri", "Mali",
                             "Seren", "Alaw", "Efa", "Nanw", "Angharad", "Heledd", "Lleucu", "Non", "Mared", "Glesni"]
    static let welshBoys = ["Dafydd", "Elis", "Llŷr", "Rhodri", "Osian", "Iestyn", "Gethin", "Tomos", "Ioan", "Cai",
                            "Macsen", "Gruffydd", "Aneirin", "Steffan", "Rhys", "Owain", "Tudur", "Siôn", "Deiniol", "Guto"]
    static let englishGirls = ["Olivia", "Amelia", "Isla", "Ava", "Grace", "Freya", "Lily", "Chloé", "Ruby", "Evie",
                               "Zoë", "Poppy", "Sophie", "Maisie", "Jessica", "Amber", "Leah", "Kayleigh"]
    static let englishBoys = ["Oliver", "Jack", "Harry", "Noah", "Leo", "Charlie", "Riley", "Mason", "Jayden", "Kyle",
                              "Tyler", "Logan", "Alfie", "Zak", "Noël", "Connor", "Liam", "Reece"]
    static let neutral = ["Alex", "Sam", "Rowan", "Jordan", "Morgan", "Robin", "Charlie", "Eli"]
    static let asylumGirls = ["Aisha", "Mariam", "Hana", "Selam"]
    static let asylumBoys = ["Amir", "Yusuf", "Hamid", "Dawit", "Ahmad", "Mohammed"]

    static let welshFamilies = ["Jones", "Davies", "Williams", "Evans", "Thomas", "Roberts", "Hughes", "Lewis", "Morgan",
                                "Griffiths", "Owen", "Price", "Pritchard", "Llywelyn", "Prys", "Parry", "Jenkins", "Rees",
                                "Powell", "Bowen", "Watkins", "Meredith", "Vaughan", "Huws", "Gruffudd", "Wyn", "ap Dafydd"]
    static let englishFamilies = ["Smith", "Brown", "Taylor", "Wilson", "Walker", "Wright", "Clarke", "Hall", "Green",
                                  "Baker", "Murphy", "O'Brien", "Kowalski", "Nowak", "Müller", "Doyle", "Brontë", "Shaw"]
    static let asylumFamilies = ["Ahmadi", "Haile", "Hassan", "Karimi", "Tesfaye", "Osman"]

    /// Placement officers who log notices and make calls.
    static let officers = ["rhian.evans", "gareth.morgan", "sioned.pritchard", "mark.davies", "bethan.lloyd", "huw.jenkins"]

    /// Registered managers and team leads.
    static let adults = ["Carys", "Emyr", "Helen", "Dylan", "Sarah", "Geraint", "Manon", "Paul", "Eleri", "David",
                         "Ruth", "Iwan", "Karen", "Meirion", "Julie", "Aled"]

    /// House names for children's homes: Welsh first, then English.
    static let welshHouses = ["Tŷ Gwyn", "Cartref Bach", "Brynhyfryd", "Llys Derw", "Bryn Awel", "Tŷ Coch", "Maes y Coed",
                              "Hafan Deg", "Glan yr Afon", "Pen y Bryn", "Awel y Môr", "Tŷ'r Ywen", "Ffynnon Wen",
                              "Bron Haul", "Cae Glas", "Llwyn Onn", "Nant y Pandy", "Gwêl y Don", "Coed Helyg", "Tŷ Celyn",
                              "Plas Teg", "Min y Nant", "Erw Fach", "Bryn Eithin", "Dôl Werdd"]
    static let englishHouses = ["Oak Tree", "Willow", "Meadow View", "The Beeches", "Hillside", "Riverside", "Orchard",
                                "Ashfield", "Hawthorn", "Larchwood", "Brookside", "Elm Grove", "Fernbank", "Holly Bank",
                                "Kingfisher", "Rowan"]

    static let agencies = ["Aspire Fostering", "Horizon Fostering", "Evergreen Family Placements", "Seren Fostering",
                           "Calon Foster Care", "Compass Point Fostering", "Keystone Fostering", "Bright Sky Fostering",
                           "Oakleaf Fostering", "Afon Fostering", "Meadowbank Family Placement", "Skylark Fostering",
                           "Pathways Foster Care", "Cornerstone Fostering", "Harbour Fostering", "Lighthouse Family Care",
                           "Enfys Fostering", "Tirion Foster Care", "Riverbend Fostering", "Summit Fostering",
                           "Haven Foster Care", "Crossroads Family Placements", "Bluebell Fostering"]
    static let charities = ["Cymorth Plant Trust", "Hafan Children's Trust", "St Teilo's Family Care", "Gofal Teulu Cymru"]
    static let residentialOperators = ["Aspire Care", "Cedar Care Group", "Bryn Care", "Valley Homes", "Castell Care"]
    static let directions = ["North", "South", "East", "West", "Valleys", "Coast"]
}
