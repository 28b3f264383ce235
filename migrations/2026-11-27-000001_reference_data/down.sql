DROP TABLE municipalities;
DROP TABLE counties;
DROP TABLE challenge_areas;
