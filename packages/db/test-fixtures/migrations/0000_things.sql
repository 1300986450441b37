CREATE TABLE "things" ("id" integer PRIMARY KEY NOT NULL, "label" text NOT NULL, "tags" text[]);
