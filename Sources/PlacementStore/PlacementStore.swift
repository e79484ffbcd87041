import PlacementCore
public enum PlacementStoreModule {}
