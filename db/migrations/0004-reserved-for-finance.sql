-- Placeholder so this branch's migrations stay numbered 1..N: schema 4 belongs to the finance
-- branch (loans and cash flow). At merge, delete this file and keep the finance branch's 0004;
-- 0005-field-region.sql then follows it unchanged. It changes nothing.
SELECT 1;
