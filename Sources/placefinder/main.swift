print("placefinder")
