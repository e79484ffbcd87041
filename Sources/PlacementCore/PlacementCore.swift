public enum PlacementCore {}
