/**
 * The billing system's schema, as plain SQL applied in order at start-up (SCHEMA_VERSION remembers
 * how far). Note what is missing: no unique key on EXTREF or TEXT — the system books whatever it is
 * sent, as often as it is sent.
 */
export const migrations: readonly { readonly version: number; readonly sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE ACCOUNTS (
        ACCNO   varchar(10) PRIMARY KEY,
        EXTREF  varchar(40) NOT NULL,
        NAME    varchar(60) NOT NULL,
        PAYREF  varchar(80) NOT NULL,
        OPENED  timestamp   NOT NULL
      );
      CREATE SEQUENCE ACCNO_SEQ;
      CREATE INDEX ACCOUNTS_EXTREF ON ACCOUNTS (EXTREF);

      CREATE TABLE CONTRACTS (
        CONTRNO varchar(10) PRIMARY KEY,
        ACCNO   varchar(10) NOT NULL REFERENCES ACCOUNTS (ACCNO),
        EXTREF  varchar(40) NOT NULL,
        PRODUCT varchar(12) NOT NULL,
        START   timestamp   NOT NULL,
        CREATED timestamp   NOT NULL
      );
      CREATE SEQUENCE CONTRNO_SEQ;
      CREATE INDEX CONTRACTS_EXTREF ON CONTRACTS (EXTREF);

      CREATE TABLE CHARGE_CODES (
        CHGCODE varchar(8)  PRIMARY KEY,
        DESCR   varchar(60) NOT NULL
      );
      INSERT INTO CHARGE_CODES VALUES ('SUBFEE', 'SUBSCRIPTION FEE'), ('SETUP', 'SETUP FEE'), ('ADJUST', 'MANUAL ADJUSTMENT');

      CREATE TABLE CHARGES (
        CHGNO    varchar(12)   PRIMARY KEY,
        CONTRNO  varchar(10)   NOT NULL REFERENCES CONTRACTS (CONTRNO),
        CHGCODE  varchar(8)    NOT NULL REFERENCES CHARGE_CODES (CHGCODE),
        AMOUNT   numeric(12,2) NOT NULL,
        CURR     char(3)       NOT NULL,
        VALDATE  timestamp     NOT NULL,
        TEXT     varchar(60)   NOT NULL,
        STATUS   char(1)       NOT NULL DEFAULT 'R',
        RECEIVED timestamp     NOT NULL,
        POSTED   timestamp
      );
      CREATE SEQUENCE CHGNO_SEQ;
      CREATE INDEX CHARGES_TEXT ON CHARGES (TEXT);
      CREATE INDEX CHARGES_OPEN ON CHARGES (RECEIVED) WHERE STATUS = 'R';

      CREATE TABLE JOURNAL (
        SEQ     bigserial   PRIMARY KEY,
        EVT     varchar(20) NOT NULL,
        CHGNO   varchar(12) NOT NULL,
        BOOKED  timestamp   NOT NULL
      );`,
  },
];
