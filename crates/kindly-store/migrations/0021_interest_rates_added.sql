-- Published reference rates the user entered for half-years after the rate
-- table compiled into Kindly (issue #16): one row per series and half-year,
-- with where it was published. Kindly only uses a row for a half-year past
-- the compiled table's end (the compiled rate wins once an update covers it).
-- The rate is exact, in basis points (2.15 % is 215): never a float; it can
-- be below zero (the Basiszinssatz was, 2013-2022), down to -10 %.
CREATE TABLE interest_rates_added (
    id         INTEGER PRIMARY KEY,
    series     TEXT NOT NULL CHECK (series IN ('boe_reference', 'ecb_mro', 'basiszins')),
    -- The first day of the half-year the rate is for (YYYY-MM-01, January or July).
    from_date  TEXT NOT NULL CHECK (from_date GLOB '[0-9][0-9][0-9][0-9]-0[17]-01'),
    rate_bp    INTEGER NOT NULL CHECK (rate_bp BETWEEN -1000 AND 10000),
    source     TEXT NOT NULL CHECK (length(trim(source)) > 0),
    added_at   TEXT NOT NULL,
    UNIQUE (series, from_date)
) STRICT;
