-- The home page counts active organisations by kind on every visit: an index answers it without a sort.
CREATE INDEX organizations_active_kind ON organizations (active, kind);
