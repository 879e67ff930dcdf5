--
-- PostgreSQL database dump
--


-- Dumped from database version 15.20 (Debian 15.20-0+deb12u1)
-- Dumped by pg_dump version 15.20 (Debian 15.20-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: access_tokens; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.access_tokens (
    id character varying(40) NOT NULL,
    conference_id integer NOT NULL,
    role character varying(20) NOT NULL,
    session_key character varying(80),
    name character varying(200) NOT NULL,
    delegation character varying(200) NOT NULL,
    "group" character varying(40) NOT NULL,
    language character varying(8),
    booth character varying(8),
    person_key character varying(80),
    issued_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: agenda_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.agenda_items (
    id integer NOT NULL,
    conference_id integer NOT NULL,
    key character varying(80) NOT NULL,
    day date NOT NULL,
    "position" integer NOT NULL,
    kind character varying(20) NOT NULL,
    number integer,
    title json NOT NULL,
    description json NOT NULL,
    starts_at timestamp with time zone NOT NULL,
    ends_at timestamp with time zone NOT NULL,
    objectives json NOT NULL,
    stated_minutes integer,
    intervention_minutes integer,
    chair_title character varying(20),
    chair_role json NOT NULL,
    chair_person_id integer,
    sequence integer NOT NULL,
    modified_at timestamp with time zone NOT NULL
);


--
-- Name: agenda_items_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.agenda_items_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: agenda_items_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.agenda_items_id_seq OWNED BY public.agenda_items.id;


--
-- Name: conferences; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.conferences (
    id integer NOT NULL,
    slug character varying(80) NOT NULL,
    title json NOT NULL,
    timezone character varying(64) NOT NULL,
    languages json NOT NULL,
    platform_url character varying(500) NOT NULL,
    floor_listen_url character varying(500) NOT NULL,
    venue json NOT NULL,
    organisers json NOT NULL,
    booths json NOT NULL,
    source_digest character varying(64) NOT NULL,
    modified_at timestamp with time zone NOT NULL
);


--
-- Name: conferences_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.conferences_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: conferences_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.conferences_id_seq OWNED BY public.conferences.id;


--
-- Name: days; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.days (
    id integer NOT NULL,
    conference_id integer NOT NULL,
    date date NOT NULL
);


--
-- Name: days_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.days_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: days_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.days_id_seq OWNED BY public.days.id;


--
-- Name: event_log; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.event_log (
    id integer NOT NULL,
    conference_id integer NOT NULL,
    session_key character varying(80),
    at timestamp with time zone NOT NULL,
    actor character varying(200) NOT NULL,
    action character varying(60) NOT NULL,
    payload json NOT NULL,
    note text NOT NULL
);


--
-- Name: event_log_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.event_log_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: event_log_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.event_log_id_seq OWNED BY public.event_log.id;


--
-- Name: key_message_revisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.key_message_revisions (
    pk integer NOT NULL,
    message_pk integer NOT NULL,
    number integer NOT NULL,
    text text NOT NULL,
    objectives json NOT NULL,
    principles json NOT NULL,
    status character varying(10) NOT NULL,
    stakeholder_group character varying(200),
    "position" integer NOT NULL,
    author character varying(200) NOT NULL,
    saved_at timestamp with time zone NOT NULL
);


--
-- Name: key_message_revisions_pk_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.key_message_revisions_pk_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: key_message_revisions_pk_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.key_message_revisions_pk_seq OWNED BY public.key_message_revisions.pk;


--
-- Name: key_messages; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.key_messages (
    pk integer NOT NULL,
    id character varying(120) NOT NULL,
    conference_id integer NOT NULL,
    session_key character varying(80) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revision integer NOT NULL,
    client_key character varying(64)
);


--
-- Name: key_messages_pk_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.key_messages_pk_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: key_messages_pk_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.key_messages_pk_seq OWNED BY public.key_messages.pk;


--
-- Name: live_states; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.live_states (
    item_id integer NOT NULL,
    version integer NOT NULL,
    data json NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: objectives; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.objectives (
    number integer NOT NULL,
    title json NOT NULL,
    working_translations json NOT NULL
);


--
-- Name: people; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.people (
    id integer NOT NULL,
    conference_id integer NOT NULL,
    key character varying(80) NOT NULL,
    name character varying(200) NOT NULL,
    names json NOT NULL,
    title character varying(200) NOT NULL,
    organisation character varying(200) NOT NULL,
    delegation character varying(200) NOT NULL,
    "group" character varying(40) NOT NULL,
    language character varying(8),
    rank integer
);


--
-- Name: people_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.people_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: people_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.people_id_seq OWNED BY public.people.id;


--
-- Name: principles; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.principles (
    key character varying(40) NOT NULL,
    "position" integer NOT NULL,
    title json NOT NULL,
    working_translations json NOT NULL
);


--
-- Name: slots; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.slots (
    id integer NOT NULL,
    conference_id integer NOT NULL,
    item_id integer NOT NULL,
    key character varying(120) NOT NULL,
    "position" integer NOT NULL,
    kind character varying(20) NOT NULL,
    role json NOT NULL,
    minutes integer,
    speaker_id integer,
    language character varying(8),
    tbd boolean NOT NULL
);


--
-- Name: slots_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.slots_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: slots_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.slots_id_seq OWNED BY public.slots.id;


--
-- Name: speech_texts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.speech_texts (
    id integer NOT NULL,
    conference_id integer NOT NULL,
    session_key character varying(80) NOT NULL,
    slot_key character varying(120) NOT NULL,
    text text NOT NULL,
    uploaded_by character varying(200) NOT NULL,
    uploader character varying(200) NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    revision integer NOT NULL
);


--
-- Name: speech_texts_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.speech_texts_id_seq
    AS integer
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: speech_texts_id_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.speech_texts_id_seq OWNED BY public.speech_texts.id;


--
-- Name: agenda_items id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agenda_items ALTER COLUMN id SET DEFAULT nextval('public.agenda_items_id_seq'::regclass);


--
-- Name: conferences id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conferences ALTER COLUMN id SET DEFAULT nextval('public.conferences_id_seq'::regclass);


--
-- Name: days id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.days ALTER COLUMN id SET DEFAULT nextval('public.days_id_seq'::regclass);


--
-- Name: event_log id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_log ALTER COLUMN id SET DEFAULT nextval('public.event_log_id_seq'::regclass);


--
-- Name: key_message_revisions pk; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_message_revisions ALTER COLUMN pk SET DEFAULT nextval('public.key_message_revisions_pk_seq'::regclass);


--
-- Name: key_messages pk; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_messages ALTER COLUMN pk SET DEFAULT nextval('public.key_messages_pk_seq'::regclass);


--
-- Name: people id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people ALTER COLUMN id SET DEFAULT nextval('public.people_id_seq'::regclass);


--
-- Name: slots id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots ALTER COLUMN id SET DEFAULT nextval('public.slots_id_seq'::regclass);


--
-- Name: speech_texts id; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speech_texts ALTER COLUMN id SET DEFAULT nextval('public.speech_texts_id_seq'::regclass);


--
-- Data for Name: access_tokens; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: agenda_items; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.agenda_items VALUES (1, 1, 'registration', '2021-02-24', 0, 'registration', NULL, '{"ar": "\u062a\u0633\u062c\u064a\u0644 \u0627\u0644\u0645\u0634\u0627\u0631\u0643\u064a\u0646", "en": "Registration of participants", "fr": "Inscription des participants"}', '{}', '2021-02-24 07:30:00+00', '2021-02-24 08:00:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (2, 1, 'opening', '2021-02-24', 1, 'opening', NULL, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0627\u0641\u062a\u062a\u0627\u062d\u064a\u0629", "en": "Opening session", "fr": "S\u00e9ance d''ouverture"}', '{"ar": "(\u064a\u062d\u062f\u062f \u062a\u0633\u0644\u0633\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b\u064a\u0646 \u0628\u062d\u0633\u0628 \u0627\u0644\u0628\u0631\u0648\u062a\u0648\u0643\u0648\u0644 \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "(Order of speakers to be determined later according to protocol)", "fr": "(Ordre des orateurs \u00e0 d\u00e9terminer ult\u00e9rieurement selon le protocole)"}', '2021-02-24 08:00:00+00', '2021-02-24 09:00:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (3, 1, 'introductory', '2021-02-24', 2, 'introductory', NULL, '{"ar": "\u062c\u0644\u0633\u0629 \u062a\u0645\u0647\u064a\u062f\u064a\u0629: \u062a\u0642\u062f\u064a\u0645 \u0646\u062a\u0627\u0626\u062c \u0623\u0648\u0644\u064a\u0629 \u0645\u0646 \u0627\u0644\u062a\u0642\u0631\u064a\u0631 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0628\u0646\u0627\u0621 \u0639\u0644\u0649 \u062a\u0642\u0627\u0631\u064a\u0631 \u0627\u0644\u062f\u0648\u0644", "en": "Introductory session: Preliminary findings of the regional report on the review of the Global Compact for Migration, based on the States'' reports", "fr": "S\u00e9ance introductive : pr\u00e9sentation des conclusions pr\u00e9liminaires du rapport r\u00e9gional d''examen du Pacte mondial sur les migrations, \u00e9tabli \u00e0 partir des rapports des \u00c9tats"}', '{"ar": "\u0634\u0627\u0631\u0643\u062a \u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0623\u0639\u0636\u0627\u0621 \u0628\u0646\u0634\u0627\u0637 \u0641\u064a \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636\u0627\u062a \u0627\u0644\u0637\u0648\u0639\u064a\u0629 \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0644\u0644\u0647\u062c\u0631\u0629 \u0648\u0642\u062f\u0645 \u0627\u0644\u0639\u062f\u064a\u062f \u0645\u0646\u0647\u0627 \u062a\u0642\u0627\u0631\u064a\u0631 \u0648\u0637\u0646\u064a. \u0648\u0642\u062f \u062a\u0645 \u062a\u062c\u0645\u064a\u0639 \u0648\u062a\u062d\u0644\u064a\u0644 \u0648\u062a\u0644\u062e\u064a\u0635 \u0647\u0630\u0647 \u0627\u0644\u062a\u0642\u0627\u0631\u064a\u0631 \u0641\u064a \u062a\u0642\u0631\u064a\u0631 \u0625\u0642\u0644\u064a\u0645\u064a \u064a\u0633\u0644\u0645 \u0627\u0644\u0636\u0648\u0621 \u0639\u0644\u0649 \u0627\u0644\u0627\u062a\u062c\u0627\u0647\u0627\u062a \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a\u0629 \u0648\u0627\u0644\u062a\u0637\u0648\u0631\u0627\u062a \u0627\u0644\u0633\u064a\u0627\u0633\u064a\u0629 \u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629 \u0648\u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0648\u0627\u0644\u0645\u0645\u0627\u0631\u0633\u0627\u062a \u0627\u0644\u0648\u0627\u0639\u062f\u0629. \u062a\u0639\u0631\u0636 \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0645\u0644\u062e\u0635 \u0623\u0628\u0631\u0632 \u0646\u062a\u0627\u0626\u062c \u0647\u0630\u0627 \u0627\u0644\u062a\u0642\u0631\u064a\u0631.", "en": "Member States took an active part in the voluntary reviews of the Global Compact for Migration, and many of them submitted national reports. These reports have been compiled, analysed and summarized in a regional report that highlights regional trends, key policy developments, challenges and promising practices. This session presents a summary of the report''s main findings.", "fr": "Les \u00c9tats membres ont particip\u00e9 activement aux examens volontaires du Pacte mondial sur les migrations et nombre d''entre eux ont pr\u00e9sent\u00e9 des rapports nationaux. Ces rapports ont \u00e9t\u00e9 compil\u00e9s, analys\u00e9s et synth\u00e9tis\u00e9s dans un rapport r\u00e9gional qui met en lumi\u00e8re les tendances r\u00e9gionales, les principales \u00e9volutions des politiques, les difficult\u00e9s et les pratiques prometteuses. La pr\u00e9sente s\u00e9ance expose une synth\u00e8se des principales conclusions de ce rapport."}', '2021-02-24 09:00:00+00', '2021-02-24 09:15:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (4, 1, 'plenary-1', '2021-02-24', 3, 'plenary', 1, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 \u0627\u0644\u0623\u0648\u0644\u0649: \u0627\u0644\u062a\u0642\u0627\u0631\u064a\u0631 \u0627\u0644\u0637\u0648\u0639\u064a\u0629 \u0644\u0644\u0628\u0644\u062f\u0627\u0646 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Plenary session 1: Voluntary reports of the Arab countries", "fr": "S\u00e9ance pl\u00e9ni\u00e8re 1 : rapports volontaires des pays arabes"}', '{"ar": "\u062a\u0648\u0641\u0631 \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0641\u0631\u0635\u0629 \u0644\u0644\u062f\u0648\u0644 \u0627\u0644\u0623\u0639\u0636\u0627\u0621 \u0644\u0639\u0631\u0636 \u0648\u0645\u0646\u0627\u0642\u0634\u0629 \u0627\u0644\u062a\u0642\u062f\u0645 \u0627\u0644\u0645\u062d\u0631\u0632 \u0641\u064a \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0644\u0644\u0647\u062c\u0631\u0629 \u0645\u0646\u0630 \u0627\u0639\u062a\u0645\u0627\u062f\u0647 \u0641\u064a \u0639\u0627\u0645 2018. \u0648\u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0623\u0639\u0636\u0627\u0621 \u0645\u062f\u0639\u0648\u0629 \u0644\u062a\u0642\u062f\u064a\u0645 \u062a\u062c\u0627\u0631\u0628\u0647\u0627 \u0627\u0644\u0648\u0637\u0646\u064a\u0629 \u0648\u062e\u0644\u0635\u0627\u062a \u062a\u0642\u0627\u0631\u064a\u0631\u0647\u0627 \u0627\u0644\u0648\u0637\u0646\u064a\u0629\u060c \u0645\u0639 \u0627\u0644\u062a\u0631\u0643\u064a\u0632 \u0639\u0644\u0649 \u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0627\u0644\u062a\u064a \u062a\u0648\u0627\u062c\u0647\u0647\u0627\u060c \u0648\u0642\u0635\u0635 \u0627\u0644\u0646\u062c\u0627\u062d\u060c \u0648\u0627\u0644\u0623\u0648\u0644\u0648\u064a\u0627\u062a \u0627\u0644\u0631\u0627\u0647\u0646\u0629 \u0648\u0627\u0644\u0646\u0627\u0634\u0626\u0629\u060c \u0648\u0627\u0644\u062f\u0631\u0648\u0633 \u0627\u0644\u0645\u0633\u062a\u0641\u0627\u062f\u0629 \u0641\u064a \u0647\u0630\u0627 \u0627\u0644\u0645\u062c\u0627\u0644.", "en": "This session offers Member States an opportunity to present and discuss the progress made in implementing the Global Compact for Migration since its adoption in 2018. Member States are invited to present their national experiences and the conclusions of their national reports, focusing on the challenges they face, success stories, current and emerging priorities, and lessons learned in this area.", "fr": "Cette s\u00e9ance offre aux \u00c9tats membres l''occasion de pr\u00e9senter et d''examiner les progr\u00e8s accomplis dans la mise en \u0153uvre du Pacte mondial sur les migrations depuis son adoption en 2018. Les \u00c9tats membres sont invit\u00e9s \u00e0 faire part de leurs exp\u00e9riences nationales et des conclusions de leurs rapports nationaux, en mettant l''accent sur les difficult\u00e9s rencontr\u00e9es, les r\u00e9ussites, les priorit\u00e9s actuelles et nouvelles et les enseignements tir\u00e9s dans ce domaine."}', '2021-02-24 09:15:00+00', '2021-02-24 10:15:00+00', '[]', NULL, 3, 'chair', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of a State (TBD)", "fr": "Repr\u00e9sentant(e) d''un \u00c9tat (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (5, 1, 'break-1', '2021-02-24', 4, 'break', NULL, '{"ar": "\u0627\u0633\u062a\u0631\u0627\u062d\u0629 (45 \u062f\u0642\u064a\u0642\u0629)", "en": "Break (45 minutes)", "fr": "Pause (45 minutes)"}', '{}', '2021-02-24 10:15:00+00', '2021-02-24 11:00:00+00', '[]', 45, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (6, 1, 'plenary-2', '2021-02-24', 5, 'plenary', 2, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 \u0627\u0644\u062b\u0627\u0646\u064a\u0629: \u0627\u0644\u062a\u0642\u0627\u0631\u064a\u0631 \u0627\u0644\u0637\u0648\u0639\u064a\u0629 \u0644\u0644\u0628\u0644\u062f\u0627\u0646 \u0627\u0644\u0639\u0631\u0628\u064a\u0629 (\u062a\u0627\u0628\u0639)", "en": "Plenary session 2: Voluntary reports of the Arab countries (continued)", "fr": "S\u00e9ance pl\u00e9ni\u00e8re 2 : rapports volontaires des pays arabes (suite)"}', '{"ar": "\u062a\u0648\u0641\u0631 \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0641\u0631\u0635\u0629 \u0644\u0644\u062f\u0648\u0644 \u0627\u0644\u0623\u0639\u0636\u0627\u0621 \u0644\u0639\u0631\u0636 \u0648\u0645\u0646\u0627\u0642\u0634\u0629 \u0627\u0644\u062a\u0642\u062f\u0645 \u0627\u0644\u0645\u062d\u0631\u0632 \u0641\u064a \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0644\u0644\u0647\u062c\u0631\u0629 \u0645\u0646\u0630 \u0627\u0639\u062a\u0645\u0627\u062f\u0647 \u0641\u064a \u0639\u0627\u0645 2018. \u0648\u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0623\u0639\u0636\u0627\u0621 \u0645\u062f\u0639\u0648\u0629 \u0644\u062a\u0642\u062f\u064a\u0645 \u062a\u062c\u0627\u0631\u0628\u0647\u0627 \u0627\u0644\u0648\u0637\u0646\u064a\u0629 \u0648\u062e\u0644\u0635\u0627\u062a \u062a\u0642\u0627\u0631\u064a\u0631\u0647\u0627 \u0627\u0644\u0648\u0637\u0646\u064a\u0629\u060c \u0645\u0639 \u0627\u0644\u062a\u0631\u0643\u064a\u0632 \u0639\u0644\u0649 \u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0627\u0644\u062a\u064a \u062a\u0648\u0627\u062c\u0647\u0647\u0627\u060c \u0648\u0642\u0635\u0635 \u0627\u0644\u0646\u062c\u0627\u062d\u060c \u0648\u0627\u0644\u0623\u0648\u0644\u0648\u064a\u0627\u062a \u0627\u0644\u0631\u0627\u0647\u0646\u0629 \u0648\u0627\u0644\u0646\u0627\u0634\u0626\u0629\u060c \u0648\u0627\u0644\u062f\u0631\u0648\u0633 \u0627\u0644\u0645\u0633\u062a\u0641\u0627\u062f\u0629 \u0641\u064a \u0647\u0630\u0627 \u0627\u0644\u0645\u062c\u0627\u0644.", "en": "This session offers Member States an opportunity to present and discuss the progress made in implementing the Global Compact for Migration since its adoption in 2018. Member States are invited to present their national experiences and the conclusions of their national reports, focusing on the challenges they face, success stories, current and emerging priorities, and lessons learned in this area.", "fr": "Cette s\u00e9ance offre aux \u00c9tats membres l''occasion de pr\u00e9senter et d''examiner les progr\u00e8s accomplis dans la mise en \u0153uvre du Pacte mondial sur les migrations depuis son adoption en 2018. Les \u00c9tats membres sont invit\u00e9s \u00e0 faire part de leurs exp\u00e9riences nationales et des conclusions de leurs rapports nationaux, en mettant l''accent sur les difficult\u00e9s rencontr\u00e9es, les r\u00e9ussites, les priorit\u00e9s actuelles et nouvelles et les enseignements tir\u00e9s dans ce domaine."}', '2021-02-24 11:00:00+00', '2021-02-24 12:00:00+00', '[]', NULL, 3, 'chair', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of a State (TBD)", "fr": "Repr\u00e9sentant(e) d''un \u00c9tat (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (7, 1, 'break-2', '2021-02-24', 6, 'break', NULL, '{"ar": "\u0627\u0633\u062a\u0631\u0627\u062d\u0629 (10 \u062f\u0642\u0627\u0626\u0642)", "en": "Break (10 minutes)", "fr": "Pause (10 minutes)"}', '{}', '2021-02-24 12:00:00+00', '2021-02-24 12:10:00+00', '[]', 10, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (8, 1, 'plenary-3', '2021-02-24', 7, 'plenary', 3, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 \u0627\u0644\u062b\u0627\u0644\u062b\u0629: \u0645\u0644\u0627\u062d\u0638\u0627\u062a \u0631\u0626\u064a\u0633\u064a\u0629 \u0644\u0644\u062c\u0647\u0627\u062a \u0627\u0644\u0645\u062a\u0639\u062f\u062f\u0629 \u0627\u0644\u0623\u0637\u0631\u0627\u0641 \u062d\u0648\u0644 \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0644\u0644\u0647\u062c\u0631\u0629 \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Plenary session 3: Key messages from the multi-stakeholder consultations on the regional review of the Global Compact for Migration in the Arab region", "fr": "S\u00e9ance pl\u00e9ni\u00e8re 3 : principaux messages des consultations multipartites sur l''examen r\u00e9gional du Pacte mondial sur les migrations dans la r\u00e9gion arabe"}', '{"ar": "\u062a\u0647\u062f\u0641 \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0625\u0644\u0649 \u062a\u0648\u0641\u064a\u0631 \u0645\u0633\u0627\u062d\u0629 \u0644\u0645\u062e\u062a\u0644\u0641 \u0627\u0644\u0623\u0637\u0631\u0627\u0641 \u0627\u0644\u062a\u064a \u0634\u0627\u0631\u0643\u062a \u0641\u064a \u0639\u0645\u0644\u064a\u0629 \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u062e\u0644\u0627\u0644 \u0627\u0644\u0633\u0646\u0629 \u0627\u0644\u0645\u0627\u0636\u064a\u0629 \u0644\u0645\u0634\u0627\u0631\u0643\u0629 \u0623\u0628\u0631\u0632 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0627\u0644\u062a\u064a \u0635\u062f\u0631\u062a \u0639\u0646 \u0647\u0630\u0647 \u0627\u0644\u0639\u0645\u0644\u064a\u0629.", "en": "This session aims to provide space for the various parties that took part in the regional review process over the past year to share the main messages that emerged from that process.", "fr": "Cette s\u00e9ance vise \u00e0 offrir aux diff\u00e9rentes parties ayant pris part au processus d''examen r\u00e9gional au cours de l''ann\u00e9e \u00e9coul\u00e9e un espace pour faire part des principaux messages qui s''en sont d\u00e9gag\u00e9s."}', '2021-02-24 12:10:00+00', '2021-02-24 12:20:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (9, 1, 'plenary-4', '2021-02-24', 8, 'plenary', 4, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 4: \u0642\u0636\u0627\u064a\u0627 \u0645\u0648\u0627\u0636\u064a\u0639\u064a\u0629 \u0639\u0644\u0649 \u0636\u0648\u0621 \u0627\u0644\u0645\u0628\u0627\u062f\u0626 \u0627\u0644\u0625\u0631\u0634\u0627\u062f\u064a\u0629 \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0644\u0644\u0647\u062c\u0631\u0629", "en": "Plenary session 4: Thematic issues in light of the guiding principles of the Global Compact for Migration", "fr": "S\u00e9ance pl\u00e9ni\u00e8re 4 : questions th\u00e9matiques \u00e0 la lumi\u00e8re des principes directeurs du Pacte mondial sur les migrations"}', '{"ar": "\u0627\u0644\u062a\u0632\u0645\u062a \u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0623\u0639\u0636\u0627\u0621 \u0628\u062a\u062d\u0642\u064a\u0642 \u0623\u0647\u062f\u0627\u0641 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0644\u0644\u0647\u062c\u0631\u0629 \u0648\u0627\u062a\u0641\u0642\u062a \u0639\u0644\u0649 \u0645\u062c\u0645\u0648\u0639\u0629 \u0645\u0646 \u0627\u0644\u0645\u0628\u0627\u062f\u0626 \u0627\u0644\u0625\u0631\u0634\u0627\u062f\u064a\u0629 \u0627\u0644\u0634\u0627\u0645\u0644\u0629 \u0648\u0627\u0644\u0645\u062a\u0631\u0627\u0628\u0637\u0629 \u0627\u0644\u062a\u064a \u062a\u0648\u0637\u0631 \u062c\u0647\u0648\u062f\u0647\u0627 \u0644\u062a\u062d\u0642\u064a\u0642 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 \u0648\u0645\u0646\u0647\u0627 \u0645\u0628\u062f\u0623 \u0627\u062d\u062a\u0631\u0627\u0645 \u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646 \u0648\u0627\u0639\u062a\u0645\u0627\u062f \u0627\u0644\u0645\u0646\u0638\u0648\u0631 \u0627\u0644\u062c\u0646\u0633\u0627\u0646\u064a \u0648\u0645\u0631\u0627\u0639\u0627\u0629 \u0627\u0644\u0623\u0637\u0641\u0627\u0644. \u062a\u0648\u0641\u0631 \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0641\u0631\u0635\u0629 \u0644\u0644\u0645\u0634\u0627\u0631\u0643\u064a\u0646 \u0644\u0644\u0628\u062d\u062b \u0641\u064a \u0628\u0639\u0636 \u0627\u0644\u0642\u0636\u0627\u064a\u0627 \u0639\u0644\u0649 \u0636\u0648\u0621 \u0627\u0644\u0645\u0628\u0627\u062f\u0626 \u0627\u0644\u0625\u0631\u0634\u0627\u062f\u064a\u0629 \u0644\u0644\u0627\u062a\u0641\u0627\u0642\u060c \u0644\u0627 \u0633\u064a\u0645\u0627 \u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646 \u0648\u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0627\u0644\u0623\u0637\u0641\u0627\u0644 \u0648\u0627\u0644\u0634\u0628\u0627\u0628 \u0648\u0627\u0644\u0646\u0633\u0627\u0621 \u0628\u0647\u062f\u0641 \u0627\u0644\u0628\u062d\u062b \u0641\u064a \u0633\u0628\u0644 \u062a\u0633\u0631\u064a\u0639 \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0627\u062a\u0641\u0627\u0642.", "en": "Member States have committed to achieving the objectives of the Global Compact for Migration and agreed on a set of cross-cutting and interdependent guiding principles that frame their efforts to achieve them, among them respect for human rights, a gender perspective and attention to children. This session gives participants an opportunity to examine certain issues in light of the Compact''s guiding principles, in particular human rights and migrant children, youth and women, with a view to exploring ways of accelerating implementation of the Compact.", "fr": "Les \u00c9tats membres se sont engag\u00e9s \u00e0 atteindre les objectifs du Pacte mondial sur les migrations et sont convenus d''un ensemble de principes directeurs transversaux et interd\u00e9pendants qui encadrent leurs efforts \u00e0 cette fin, parmi lesquels le respect des droits de l''homme, la prise en compte de la probl\u00e9matique femmes-hommes et l''adaptation aux besoins de l''enfant. Cette s\u00e9ance donne aux participants l''occasion d''examiner certaines questions \u00e0 la lumi\u00e8re des principes directeurs du Pacte, en particulier les droits de l''homme et la situation des enfants, des jeunes et des femmes migrants, afin de rechercher les moyens d''acc\u00e9l\u00e9rer la mise en \u0153uvre du Pacte."}', '2021-02-24 12:20:00+00', '2021-02-24 12:50:00+00', '[]', NULL, 3, 'facilitator', '{"ar": "\u0645\u064a\u0633\u0631 \u0627\u0644\u062c\u0644\u0633\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Facilitator (TBD)", "fr": "Animateur(trice) (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (10, 1, 'roundtable-1', '2021-02-24', 9, 'roundtable', 1, '{"ar": "\u0627\u0644\u0637\u0627\u0648\u0644\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u0623\u0648\u0644\u0649: \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 2 \u06485 \u06486 \u064812 \u064818", "en": "Round table 1: Review of objectives 2, 5, 6, 12 and 18", "fr": "Table ronde 1 : examen des objectifs 2, 5, 6, 12 et 18"}', '{"ar": "\u062a\u0631\u0643\u0632 \u0627\u0644\u0645\u0627\u0626\u062f\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u0623\u0648\u0644\u0649 \u0639\u0644\u0649 \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u062a\u0642\u062f\u0645 \u0627\u0644\u0645\u062d\u0631\u0632 \u0641\u064a \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 2 \u06485 \u06486 \u064812 \u064818. \u0648\u0633\u064a\u0646\u0638\u0631 \u0627\u0644\u0645\u0634\u0627\u0631\u0643\u0648\u0646 \u0641\u064a \u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0648\u0627\u0644\u0645\u0645\u0627\u0631\u0633\u0627\u062a \u0627\u0644\u062c\u064a\u062f\u0629 \u0648\u0627\u0644\u062f\u0631\u0648\u0633 \u0627\u0644\u0645\u0633\u062a\u0641\u0627\u062f\u0629 \u0648\u0645\u0646\u0627\u0642\u0634\u0629 \u0627\u0644\u062d\u0644\u0648\u0644 \u0627\u0644\u0645\u062d\u062a\u0645\u0644\u0629 \u0644\u0644\u0639\u0642\u0628\u0627\u062a \u0627\u0644\u062a\u064a \u062a\u0639\u0648\u0642 \u062a\u062d\u0642\u064a\u0642 \u062a\u0644\u0643 \u0627\u0644\u0623\u0647\u062f\u0627\u0641", "en": "The first round table focuses on reviewing progress in implementing objectives 2, 5, 6, 12 and 18. Participants will consider challenges, good practices and lessons learned, and discuss possible solutions to the obstacles that hinder the achievement of those objectives.", "fr": "La premi\u00e8re table ronde est consacr\u00e9e \u00e0 l''examen des progr\u00e8s accomplis dans la r\u00e9alisation des objectifs 2, 5, 6, 12 et 18. Les participants se pencheront sur les difficult\u00e9s, les bonnes pratiques et les enseignements tir\u00e9s, et d\u00e9battront des solutions possibles aux obstacles qui entravent la r\u00e9alisation de ces objectifs."}', '2021-02-24 12:50:00+00', '2021-02-24 13:55:00+00', '[2, 5, 6, 12, 18]', NULL, 3, 'facilitator', '{"ar": "\u0645\u064a\u0633\u0631 \u0627\u0644\u062c\u0644\u0633\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Facilitator (TBD)", "fr": "Animateur(trice) (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (11, 1, 'summary-day-1', '2021-02-24', 10, 'summary', NULL, '{"ar": "\u062e\u0644\u0627\u0635\u0629 \u0623\u0639\u0645\u0627\u0644 \u0627\u0644\u064a\u0648\u0645 \u0627\u0644\u0623\u0648\u0644", "en": "Summary of day one", "fr": "Synth\u00e8se des travaux de la premi\u00e8re journ\u00e9e"}', '{}', '2021-02-24 13:55:00+00', '2021-02-24 14:00:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (12, 1, 'summary-day-1-recap', '2021-02-25', 11, 'summary', NULL, '{"ar": "\u062e\u0644\u0627\u0635\u0629 \u0623\u0639\u0645\u0627\u0644 \u0627\u0644\u064a\u0648\u0645 \u0627\u0644\u0623\u0648\u0644", "en": "Summary of day one", "fr": "Synth\u00e8se des travaux de la premi\u00e8re journ\u00e9e"}', '{}', '2021-02-25 08:00:00+00', '2021-02-25 08:05:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (13, 1, 'roundtable-2', '2021-02-25', 12, 'roundtable', 2, '{"ar": "\u0627\u0644\u0637\u0627\u0648\u0644\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u062b\u0627\u0646\u064a\u0629: \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 4 \u06488 \u06489 \u064810 \u064811 \u064813 \u064821", "en": "Round table 2: Review of objectives 4, 8, 9, 10, 11, 13 and 21", "fr": "Table ronde 2 : examen des objectifs 4, 8, 9, 10, 11, 13 et 21"}', '{"ar": "\u062a\u0631\u0643\u0632 \u0627\u0644\u0645\u0627\u0626\u062f\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u062b\u0627\u0646\u064a\u0629 \u0639\u0644\u0649 \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u062a\u0642\u062f\u0645 \u0627\u0644\u0645\u062d\u0631\u0632 \u0641\u064a \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 4 \u06488 \u06489 \u064810 \u064811 \u064813 \u064821. \u0648\u0633\u064a\u0646\u0638\u0631 \u0627\u0644\u0645\u0634\u0627\u0631\u0643\u0648\u0646 \u0641\u064a \u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0648\u0627\u0644\u0645\u0645\u0627\u0631\u0633\u0627\u062a \u0627\u0644\u062c\u064a\u062f\u0629 \u0648\u0627\u0644\u062f\u0631\u0648\u0633 \u0627\u0644\u0645\u0633\u062a\u0641\u0627\u062f\u0629 \u0648\u0645\u0646\u0627\u0642\u0634\u0629 \u0627\u0644\u062d\u0644\u0648\u0644 \u0627\u0644\u0645\u062d\u062a\u0645\u0644\u0629 \u0644\u0644\u0639\u0642\u0628\u0627\u062a \u0627\u0644\u062a\u064a \u062a\u0639\u0648\u0642 \u062a\u062d\u0642\u064a\u0642 \u062a\u0644\u0643 \u0627\u0644\u0623\u0647\u062f\u0627\u0641", "en": "The second round table focuses on reviewing progress in implementing objectives 4, 8, 9, 10, 11, 13 and 21. Participants will consider challenges, good practices and lessons learned, and discuss possible solutions to the obstacles that hinder the achievement of those objectives.", "fr": "La deuxi\u00e8me table ronde est consacr\u00e9e \u00e0 l''examen des progr\u00e8s accomplis dans la r\u00e9alisation des objectifs 4, 8, 9, 10, 11, 13 et 21. Les participants se pencheront sur les difficult\u00e9s, les bonnes pratiques et les enseignements tir\u00e9s, et d\u00e9battront des solutions possibles aux obstacles qui entravent la r\u00e9alisation de ces objectifs."}', '2021-02-25 08:05:00+00', '2021-02-25 09:20:00+00', '[4, 8, 9, 10, 11, 13, 21]', NULL, 3, 'facilitator', '{"ar": "\u0645\u064a\u0633\u0631 \u0627\u0644\u062c\u0644\u0633\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Facilitator (TBD)", "fr": "Animateur(trice) (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (14, 1, 'break-3', '2021-02-25', 13, 'break', NULL, '{"ar": "\u0627\u0633\u062a\u0631\u0627\u062d\u0629 (10 \u062f\u0642\u0627\u0626\u0642)", "en": "Break (10 minutes)", "fr": "Pause (10 minutes)"}', '{}', '2021-02-25 09:20:00+00', '2021-02-25 09:30:00+00', '[]', 10, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (15, 1, 'roundtable-3', '2021-02-25', 14, 'roundtable', 3, '{"ar": "\u0627\u0644\u0637\u0627\u0648\u0644\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u062b\u0627\u0644\u062b\u0629: \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 14 \u064815 \u064816 \u064819 \u064820 \u064822", "en": "Round table 3: Review of objectives 14, 15, 16, 19, 20 and 22", "fr": "Table ronde 3 : examen des objectifs 14, 15, 16, 19, 20 et 22"}', '{"ar": "\u062a\u0631\u0643\u0632 \u0627\u0644\u0645\u0627\u0626\u062f\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u062b\u0627\u0644\u062b\u0629 \u0639\u0644\u0649 \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u062a\u0642\u062f\u0645 \u0627\u0644\u0645\u062d\u0631\u0632 \u0641\u064a \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 14 \u064815 \u064816 \u064819 \u064820 \u064822. \u0648\u0633\u064a\u0646\u0638\u0631 \u0627\u0644\u0645\u0634\u0627\u0631\u0643\u0648\u0646 \u0641\u064a \u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0648\u0627\u0644\u0645\u0645\u0627\u0631\u0633\u0627\u062a \u0627\u0644\u062c\u064a\u062f\u0629 \u0648\u0627\u0644\u062f\u0631\u0648\u0633 \u0627\u0644\u0645\u0633\u062a\u0641\u0627\u062f\u0629 \u0648\u0645\u0646\u0627\u0642\u0634\u0629 \u0627\u0644\u062d\u0644\u0648\u0644 \u0627\u0644\u0645\u062d\u062a\u0645\u0644\u0629 \u0644\u0644\u0639\u0642\u0628\u0627\u062a \u0627\u0644\u062a\u064a \u062a\u0639\u0648\u0642 \u062a\u062d\u0642\u064a\u0642 \u062a\u0644\u0643 \u0627\u0644\u0623\u0647\u062f\u0627\u0641", "en": "The third round table focuses on reviewing progress in implementing objectives 14, 15, 16, 19, 20 and 22. Participants will consider challenges, good practices and lessons learned, and discuss possible solutions to the obstacles that hinder the achievement of those objectives.", "fr": "La troisi\u00e8me table ronde est consacr\u00e9e \u00e0 l''examen des progr\u00e8s accomplis dans la r\u00e9alisation des objectifs 14, 15, 16, 19, 20 et 22. Les participants se pencheront sur les difficult\u00e9s, les bonnes pratiques et les enseignements tir\u00e9s, et d\u00e9battront des solutions possibles aux obstacles qui entravent la r\u00e9alisation de ces objectifs."}', '2021-02-25 09:30:00+00', '2021-02-25 10:45:00+00', '[14, 15, 16, 19, 20, 22]', NULL, 3, 'facilitator', '{"ar": "\u0645\u064a\u0633\u0631 \u0627\u0644\u062c\u0644\u0633\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Facilitator (TBD)", "fr": "Animateur(trice) (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (16, 1, 'break-4', '2021-02-25', 15, 'break', NULL, '{"ar": "\u0627\u0633\u062a\u0631\u0627\u062d\u0629 (5 \u062f\u0642\u0627\u0626\u0642)", "en": "Break (5 minutes)", "fr": "Pause (5 minutes)"}', '{}', '2021-02-25 10:45:00+00', '2021-02-25 11:30:00+00', '[]', 5, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (17, 1, 'roundtable-4', '2021-02-25', 16, 'roundtable', 4, '{"ar": "\u0627\u0644\u0637\u0627\u0648\u0644\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u0631\u0627\u0628\u0639\u0629: \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 1 \u06483 \u06487 \u064817 \u064823", "en": "Round table 4: Review of objectives 1, 3, 7, 17 and 23", "fr": "Table ronde 4 : examen des objectifs 1, 3, 7, 17 et 23"}', '{"ar": "\u062a\u0631\u0643\u0632 \u0627\u0644\u0645\u0627\u0626\u062f\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u064a\u0631\u0629 \u0627\u0644\u0631\u0627\u0628\u0639\u0629 \u0639\u0644\u0649 \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u062a\u0642\u062f\u0645 \u0627\u0644\u0645\u062d\u0631\u0632 \u0641\u064a \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0623\u0647\u062f\u0627\u0641 1 \u06483 \u06487 \u064817 \u064823. \u0648\u0633\u064a\u0646\u0638\u0631 \u0627\u0644\u0645\u0634\u0627\u0631\u0643\u0648\u0646 \u0641\u064a \u0627\u0644\u062a\u062d\u062f\u064a\u0627\u062a \u0648\u0627\u0644\u0645\u0645\u0627\u0631\u0633\u0627\u062a \u0627\u0644\u062c\u064a\u062f\u0629 \u0648\u0627\u0644\u062f\u0631\u0648\u0633 \u0627\u0644\u0645\u0633\u062a\u0641\u0627\u062f\u0629 \u0648\u0645\u0646\u0627\u0642\u0634\u0629 \u0627\u0644\u062d\u0644\u0648\u0644 \u0627\u0644\u0645\u062d\u062a\u0645\u0644\u0629 \u0644\u0644\u0639\u0642\u0628\u0627\u062a \u0627\u0644\u062a\u064a \u062a\u0639\u0648\u0642 \u062a\u062d\u0642\u064a\u0642 \u062a\u0644\u0643 \u0627\u0644\u0623\u0647\u062f\u0627\u0641", "en": "The fourth round table focuses on reviewing progress in implementing objectives 1, 3, 7, 17 and 23. Participants will consider challenges, good practices and lessons learned, and discuss possible solutions to the obstacles that hinder the achievement of those objectives.", "fr": "La quatri\u00e8me table ronde est consacr\u00e9e \u00e0 l''examen des progr\u00e8s accomplis dans la r\u00e9alisation des objectifs 1, 3, 7, 17 et 23. Les participants se pencheront sur les difficult\u00e9s, les bonnes pratiques et les enseignements tir\u00e9s, et d\u00e9battront des solutions possibles aux obstacles qui entravent la r\u00e9alisation de ces objectifs."}', '2021-02-25 11:30:00+00', '2021-02-25 12:45:00+00', '[1, 3, 7, 17, 23]', NULL, 3, 'facilitator', '{"ar": "\u0645\u064a\u0633\u0631 \u0627\u0644\u062c\u0644\u0633\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Facilitator (TBD)", "fr": "Animateur(trice) (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (18, 1, 'break-5', '2021-02-25', 17, 'break', NULL, '{"ar": "\u0627\u0633\u062a\u0631\u0627\u062d\u0629 (10 \u062f\u0642\u0627\u0626\u0642)", "en": "Break (10 minutes)", "fr": "Pause (10 minutes)"}', '{}', '2021-02-25 12:45:00+00', '2021-02-25 12:55:00+00', '[]', 10, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (19, 1, 'plenary-5', '2021-02-25', 18, 'plenary', 5, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0639\u0627\u0645\u0629 5: \u0648\u0633\u0627\u0626\u0644 \u062a\u0633\u0631\u064a\u0639 \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0648\u0628\u0646\u0627\u0621 \u0627\u0644\u0642\u062f\u0631\u0627\u062a", "en": "Plenary session 5: Means of accelerating implementation of the Compact, and capacity-building", "fr": "S\u00e9ance pl\u00e9ni\u00e8re 5 : moyens d''acc\u00e9l\u00e9rer la mise en \u0153uvre du Pacte et renforcement des capacit\u00e9s"}', '{"ar": "\u0633\u064a\u0646\u0627\u0642\u0634 \u0627\u0644\u0645\u0634\u0627\u0631\u0643\u0648\u0646 \u0641\u064a \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0648\u0633\u0627\u0626\u0644 \u062a\u0633\u0631\u064a\u0639 \u062a\u0646\u0641\u064a\u0630 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0648\u0628\u0646\u0627\u0621 \u0627\u0644\u0642\u062f\u0631\u0627\u062a \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629.", "en": "Participants in this session will discuss means of accelerating implementation of the Compact and capacity-building in the Arab region.", "fr": "Les participants \u00e0 cette s\u00e9ance examineront les moyens d''acc\u00e9l\u00e9rer la mise en \u0153uvre du Pacte et le renforcement des capacit\u00e9s dans la r\u00e9gion arabe."}', '2021-02-25 12:55:00+00', '2021-02-25 13:35:00+00', '[]', NULL, 3, 'facilitator', '{"ar": "\u0645\u064a\u0633\u0631 \u0627\u0644\u062c\u0644\u0633\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Facilitator (TBD)", "fr": "Animateur(trice) (\u00e0 d\u00e9terminer)"}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (20, 1, 'key-messages', '2021-02-25', 19, 'key_messages', NULL, '{"ar": "\u062a\u0642\u062f\u064a\u0645 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629 \u0627\u0644\u0635\u0627\u062f\u0631\u0629 \u0639\u0646 \u0645\u0624\u062a\u0645\u0631 \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0622\u0645\u0646\u0629 \u0648\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0648\u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629 \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Presentation of the key messages of the Regional Conference to Review the Global Compact for Safe, Orderly and Regular Migration in the Arab Region", "fr": "Pr\u00e9sentation des principaux messages de la Conf\u00e9rence r\u00e9gionale d''examen du Pacte mondial pour des migrations s\u00fbres, ordonn\u00e9es et r\u00e9guli\u00e8res dans la r\u00e9gion arabe"}', '{"ar": "\u0633\u064a\u062a\u0645 \u062a\u0642\u062f\u064a\u0645 \u062e\u0644\u0627\u0644 \u0647\u0630\u0647 \u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629 \u0627\u0644\u0635\u0627\u062f\u0631\u0629 \u0639\u0646 \u0645\u0624\u062a\u0645\u0631 \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0622\u0645\u0646\u0629 \u0648\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0648\u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629 \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629. \u0648\u0633\u064a\u062a\u0645 \u0631\u0641\u0639 \u0647\u0630\u0647 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0625\u0644\u0649 \u0645\u0646\u062a\u062f\u0649 \u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629 \u0648\u0627\u0644\u0630\u064a \u0633\u0648\u0641 \u064a\u0639\u0642\u062f \u0641\u064a \u0639\u0627\u0645 2022.", "en": "During this session, the key messages of the Regional Conference to Review the Global Compact for Safe, Orderly and Regular Migration in the Arab Region will be presented. These messages will be submitted to the International Migration Review Forum, to be held in 2022.", "fr": "Au cours de cette s\u00e9ance seront pr\u00e9sent\u00e9s les principaux messages issus de la Conf\u00e9rence r\u00e9gionale d''examen du Pacte mondial pour des migrations s\u00fbres, ordonn\u00e9es et r\u00e9guli\u00e8res dans la r\u00e9gion arabe. Ces messages seront transmis au Forum d''examen des migrations internationales, qui se tiendra en 2022."}', '2021-02-25 13:35:00+00', '2021-02-25 13:45:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');
INSERT INTO public.agenda_items VALUES (21, 1, 'closing', '2021-02-25', 20, 'closing', NULL, '{"ar": "\u0627\u0644\u062c\u0644\u0633\u0629 \u0627\u0644\u062e\u062a\u0627\u0645\u064a\u0629", "en": "Closing session", "fr": "S\u00e9ance de cl\u00f4ture"}', '{"ar": "(\u064a\u062d\u062f\u062f \u062a\u0633\u0644\u0633\u0644 \u0627\u0644\u0645\u062a\u062d\u062f\u062b\u064a\u0646 \u0628\u062d\u0633\u0628 \u0627\u0644\u0628\u0631\u0648\u062a\u0648\u0643\u0648\u0644 \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "(Order of speakers to be determined later according to protocol)", "fr": "(Ordre des orateurs \u00e0 d\u00e9terminer ult\u00e9rieurement selon le protocole)"}', '2021-02-25 13:45:00+00', '2021-02-25 14:00:00+00', '[]', NULL, NULL, NULL, '{}', NULL, 0, '2026-11-30 22:53:03.546736+00');


--
-- Data for Name: conferences; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.conferences VALUES (1, 'gcm-arab-2021', '{"ar": "\u0627\u0644\u0645\u0624\u062a\u0645\u0631 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0622\u0645\u0646\u0629 \u0648\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0648\u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629 \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Regional Conference to Review the Global Compact for Safe, Orderly and Regular Migration in the Arab Region", "fr": "Conf\u00e9rence r\u00e9gionale d''examen du Pacte mondial pour des migrations s\u00fbres, ordonn\u00e9es et r\u00e9guli\u00e8res dans la r\u00e9gion arabe"}', 'Asia/Beirut', '["ar", "en", "fr"]', 'https://meet.example.org/gcm-arab-2021', '', '{"ar": "\u0639\u0628\u0631 \u0627\u0644\u0625\u0646\u062a\u0631\u0646\u062a", "en": "Online", "fr": "En ligne"}', '{"ar": "\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629 \u0644\u0644\u0647\u062c\u0631\u0629 \u0648\u0627\u0644\u0625\u0633\u0643\u0648\u0627 \u0648\u062c\u0627\u0645\u0639\u0629 \u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0639\u0631\u0628\u064a\u0629\u060c \u0628\u0627\u0644\u062a\u0639\u0627\u0648\u0646 \u0645\u0639 \u0623\u0639\u0636\u0627\u0621 \u0634\u0628\u0643\u0629 \u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a\u0629 \u0627\u0644\u0645\u0639\u0646\u064a\u0629 \u0628\u0627\u0644\u0647\u062c\u0631\u0629 \u0641\u064a \u0627\u0644\u0645\u0646\u0637\u0642\u0629 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "International Organization for Migration (IOM), United Nations Economic and Social Commission for Western Asia (ESCWA) and League of Arab States, with the members of the Regional United Nations Network on Migration in the Arab Region", "fr": "Organisation internationale pour les migrations (OIM), Commission \u00e9conomique et sociale des Nations Unies pour l''Asie occidentale (CESAO) et Ligue des \u00c9tats arabes, avec les membres du R\u00e9seau r\u00e9gional des Nations Unies sur les migrations dans la r\u00e9gion arabe"}', '[{"language": "ar", "sources": ["en", "fr"], "listen_url": ""}, {"language": "en", "sources": ["ar", "fr"], "listen_url": ""}, {"language": "fr", "sources": ["en", "ar"], "listen_url": ""}]', 'a0982a1e6e910a5cca6a7ad6ec32a009c45399700b82827d2a97b92b35f5e05b', '2026-11-30 22:53:03.546736+00');


--
-- Data for Name: days; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.days VALUES (1, 1, '2021-02-24');
INSERT INTO public.days VALUES (2, 1, '2021-02-25');


--
-- Data for Name: event_log; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: key_message_revisions; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: key_messages; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: live_states; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: objectives; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.objectives VALUES (1, '{"en": "Collect and utilize accurate and disaggregated data as a basis for evidence-based policies", "ar": "\u062c\u0645\u0639 \u0648\u0627\u0633\u062a\u062e\u062f\u0627\u0645 \u0628\u064a\u0627\u0646\u0627\u062a \u062f\u0642\u064a\u0642\u0629 \u0648\u0645\u0635\u0646\u0641\u0629 \u0643\u0623\u0633\u0627\u0633 \u0644\u0648\u0636\u0639 \u0633\u064a\u0627\u0633\u0627\u062a \u0642\u0627\u0626\u0645\u0629 \u0639\u0644\u0649 \u0627\u0644\u0623\u062f\u0644\u0629", "fr": "Collecter et utiliser des donn\u00e9es pr\u00e9cises et ventil\u00e9es qui serviront \u00e0 l''\u00e9laboration de politiques fond\u00e9es sur la connaissance des faits"}', '["ar"]');
INSERT INTO public.objectives VALUES (2, '{"en": "Minimize the adverse drivers and structural factors that compel people to leave their country of origin", "ar": "\u0627\u0644\u062a\u0642\u0644\u064a\u0644 \u0625\u0644\u0649 \u0623\u062f\u0646\u0649 \u062d\u062f \u0645\u0646 \u0627\u0644\u062f\u0648\u0627\u0641\u0639 \u0627\u0644\u0633\u0644\u0628\u064a\u0629 \u0648\u0627\u0644\u0639\u0648\u0627\u0645\u0644 \u0627\u0644\u0647\u064a\u0643\u0644\u064a\u0629 \u0627\u0644\u062a\u064a \u062a\u0636\u0637\u0631 \u0627\u0644\u0646\u0627\u0633 \u0625\u0644\u0649 \u0645\u063a\u0627\u062f\u0631\u0629 \u0628\u0644\u062f\u0627\u0646\u0647\u0645 \u0627\u0644\u0623\u0635\u0644\u064a\u0629", "fr": "Lutter contre les facteurs n\u00e9gatifs et les probl\u00e8mes structurels qui poussent des personnes \u00e0 quitter leur pays d''origine"}', '["ar"]');
INSERT INTO public.objectives VALUES (3, '{"en": "Provide accurate and timely information at all stages of migration", "ar": "\u062a\u0648\u0641\u064a\u0631 \u0645\u0639\u0644\u0648\u0645\u0627\u062a \u062f\u0642\u064a\u0642\u0629 \u0648\u0641\u064a \u0627\u0644\u0648\u0642\u062a \u0627\u0644\u0645\u0646\u0627\u0633\u0628 \u0641\u064a \u062c\u0645\u064a\u0639 \u0645\u0631\u0627\u062d\u0644 \u0627\u0644\u0647\u062c\u0631\u0629", "fr": "Fournir dans les meilleurs d\u00e9lais des informations exactes \u00e0 toutes les \u00e9tapes de la migration"}', '["ar"]');
INSERT INTO public.objectives VALUES (4, '{"en": "Ensure that all migrants have proof of legal identity and adequate documentation", "ar": "\u0636\u0645\u0627\u0646 \u062d\u0635\u0648\u0644 \u062c\u0645\u064a\u0639 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0639\u0644\u0649 \u0645\u0627 \u064a\u062b\u0628\u062a \u0647\u0648\u064a\u062a\u0647\u0645 \u0627\u0644\u0642\u0627\u0646\u0648\u0646\u064a\u0629 \u0648\u0639\u0644\u0649 \u0627\u0644\u0648\u062b\u0627\u0626\u0642 \u0627\u0644\u0645\u0644\u0627\u0626\u0645\u0629", "fr": "Munir tous les migrants d''une preuve d''identit\u00e9 l\u00e9gale et de papiers ad\u00e9quats"}', '["ar"]');
INSERT INTO public.objectives VALUES (5, '{"en": "Enhance availability and flexibility of pathways for regular migration", "ar": "\u062a\u0639\u0632\u064a\u0632 \u062a\u0648\u0627\u0641\u0631 \u0645\u0633\u0627\u0631\u0627\u062a \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629 \u0648\u0645\u0631\u0648\u0646\u062a\u0647\u0627", "fr": "Faire en sorte que les fili\u00e8res de migration r\u00e9guli\u00e8re soient accessibles et plus souples"}', '["ar"]');
INSERT INTO public.objectives VALUES (6, '{"en": "Facilitate fair and ethical recruitment and safeguard conditions that ensure decent work", "ar": "\u062a\u064a\u0633\u064a\u0631 \u0627\u0644\u062a\u0648\u0638\u064a\u0641 \u0627\u0644\u0645\u0646\u0635\u0641 \u0648\u0627\u0644\u0623\u062e\u0644\u0627\u0642\u064a \u0648\u0635\u0648\u0646 \u0627\u0644\u0638\u0631\u0648\u0641 \u0627\u0644\u062a\u064a \u062a\u0643\u0641\u0644 \u0627\u0644\u0639\u0645\u0644 \u0627\u0644\u0644\u0627\u0626\u0642", "fr": "Favoriser des pratiques de recrutement justes et \u00e9thiques et assurer les conditions d''un travail d\u00e9cent"}', '["ar"]');
INSERT INTO public.objectives VALUES (7, '{"en": "Address and reduce vulnerabilities in migration", "ar": "\u0645\u0639\u0627\u0644\u062c\u0629 \u0623\u0648\u062c\u0647 \u0627\u0644\u0636\u0639\u0641 \u0641\u064a \u0627\u0644\u0647\u062c\u0631\u0629 \u0648\u0627\u0644\u062d\u062f \u0645\u0646\u0647\u0627", "fr": "S''attaquer aux facteurs de vuln\u00e9rabilit\u00e9 li\u00e9s aux migrations et les r\u00e9duire"}', '["ar"]');
INSERT INTO public.objectives VALUES (8, '{"en": "Save lives and establish coordinated international efforts on missing migrants", "ar": "\u0625\u0646\u0642\u0627\u0630 \u0627\u0644\u0623\u0631\u0648\u0627\u062d \u0648\u0628\u0630\u0644 \u062c\u0647\u0648\u062f \u062f\u0648\u0644\u064a\u0629 \u0645\u0646\u0633\u0642\u0629 \u0628\u0634\u0623\u0646 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0627\u0644\u0645\u0641\u0642\u0648\u062f\u064a\u0646", "fr": "Sauver des vies et mettre en place une action internationale coordonn\u00e9e pour retrouver les migrants disparus"}', '["ar"]');
INSERT INTO public.objectives VALUES (9, '{"en": "Strengthen the transnational response to smuggling of migrants", "ar": "\u062a\u0639\u0632\u064a\u0632 \u0627\u0644\u062a\u0635\u062f\u064a \u0639\u0628\u0631 \u0627\u0644\u0648\u0637\u0646\u064a \u0644\u062a\u0647\u0631\u064a\u0628 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646", "fr": "Renforcer l''action transnationale face au trafic de migrants"}', '["ar"]');
INSERT INTO public.objectives VALUES (10, '{"en": "Prevent, combat and eradicate trafficking in persons in the context of international migration", "ar": "\u0645\u0646\u0639 \u0627\u0644\u0627\u062a\u062c\u0627\u0631 \u0628\u0627\u0644\u0623\u0634\u062e\u0627\u0635 \u0648\u0645\u0643\u0627\u0641\u062d\u062a\u0647 \u0648\u0627\u0644\u0642\u0636\u0627\u0621 \u0639\u0644\u064a\u0647 \u0641\u064a \u0633\u064a\u0627\u0642 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629", "fr": "Pr\u00e9venir, combattre et \u00e9liminer la traite de personnes dans le cadre des migrations internationales"}', '["ar"]');
INSERT INTO public.objectives VALUES (11, '{"en": "Manage borders in an integrated, secure and coordinated manner", "ar": "\u0625\u062f\u0627\u0631\u0629 \u0627\u0644\u062d\u062f\u0648\u062f \u0628\u0637\u0631\u064a\u0642\u0629 \u0645\u062a\u0643\u0627\u0645\u0644\u0629 \u0648\u0622\u0645\u0646\u0629 \u0648\u0645\u0646\u0633\u0642\u0629", "fr": "G\u00e9rer les fronti\u00e8res de mani\u00e8re int\u00e9gr\u00e9e, s\u00fbre et coordonn\u00e9e"}', '["ar"]');
INSERT INTO public.objectives VALUES (12, '{"en": "Strengthen certainty and predictability in migration procedures for appropriate screening, assessment and referral", "ar": "\u062a\u0639\u0632\u064a\u0632 \u0627\u0644\u064a\u0642\u064a\u0646 \u0648\u0625\u0645\u0643\u0627\u0646\u064a\u0629 \u0627\u0644\u062a\u0646\u0628\u0624 \u0641\u064a \u0625\u062c\u0631\u0627\u0621\u0627\u062a \u0627\u0644\u0647\u062c\u0631\u0629 \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0641\u0631\u0632 \u0648\u0627\u0644\u062a\u0642\u064a\u064a\u0645 \u0648\u0627\u0644\u0625\u062d\u0627\u0644\u0629 \u0639\u0644\u0649 \u0627\u0644\u0646\u062d\u0648 \u0627\u0644\u0645\u0646\u0627\u0633\u0628", "fr": "Veiller \u00e0 l''invariabilit\u00e9 et \u00e0 la pr\u00e9visibilit\u00e9 des proc\u00e9dures migratoires pour assurer des contr\u00f4les, des \u00e9valuations et une orientation appropri\u00e9s"}', '["ar"]');
INSERT INTO public.objectives VALUES (13, '{"en": "Use migration detention only as a measure of last resort and work towards alternatives", "ar": "\u0639\u062f\u0645 \u0627\u0644\u0644\u062c\u0648\u0621 \u0625\u0644\u0649 \u0627\u062d\u062a\u062c\u0627\u0632 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0625\u0644\u0627 \u0643\u0645\u0644\u0627\u0630 \u0623\u062e\u064a\u0631 \u0648\u0627\u0644\u0639\u0645\u0644 \u0639\u0644\u0649 \u0625\u064a\u062c\u0627\u062f \u0628\u062f\u0627\u0626\u0644 \u0644\u0647", "fr": "Ne recourir au placement en r\u00e9tention administrative des migrants qu''en dernier ressort et chercher des solutions de rechange"}', '["ar"]');
INSERT INTO public.objectives VALUES (14, '{"en": "Enhance consular protection, assistance and cooperation throughout the migration cycle", "ar": "\u062a\u0639\u0632\u064a\u0632 \u0627\u0644\u062d\u0645\u0627\u064a\u0629 \u0648\u0627\u0644\u0645\u0633\u0627\u0639\u062f\u0629 \u0648\u0627\u0644\u062a\u0639\u0627\u0648\u0646 \u0641\u064a \u0627\u0644\u0645\u062c\u0627\u0644 \u0627\u0644\u0642\u0646\u0635\u0644\u064a \u0637\u0648\u0627\u0644 \u062f\u0648\u0631\u0629 \u0627\u0644\u0647\u062c\u0631\u0629", "fr": "Renforcer la protection, l''assistance et la coop\u00e9ration consulaires tout au long du cycle migratoire"}', '["ar"]');
INSERT INTO public.objectives VALUES (15, '{"en": "Provide access to basic services for migrants", "ar": "\u0625\u062a\u0627\u062d\u0629 \u062d\u0635\u0648\u0644 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0639\u0644\u0649 \u0627\u0644\u062e\u062f\u0645\u0627\u062a \u0627\u0644\u0623\u0633\u0627\u0633\u064a\u0629", "fr": "Assurer l''acc\u00e8s des migrants aux services de base"}', '["ar"]');
INSERT INTO public.objectives VALUES (16, '{"en": "Empower migrants and societies to realize full inclusion and social cohesion", "ar": "\u062a\u0645\u0643\u064a\u0646 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0648\u0627\u0644\u0645\u062c\u062a\u0645\u0639\u0627\u062a \u0645\u0646 \u062a\u062d\u0642\u064a\u0642 \u0627\u0644\u0625\u062f\u0645\u0627\u062c \u0627\u0644\u0643\u0627\u0645\u0644 \u0648\u0627\u0644\u062a\u0645\u0627\u0633\u0643 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\u064a", "fr": "Donner aux migrants et aux soci\u00e9t\u00e9s des moyens en faveur de la pleine int\u00e9gration et de la coh\u00e9sion sociale"}', '["ar"]');
INSERT INTO public.objectives VALUES (17, '{"en": "Eliminate all forms of discrimination and promote evidence-based public discourse to shape perceptions of migration", "ar": "\u0627\u0644\u0642\u0636\u0627\u0621 \u0639\u0644\u0649 \u062c\u0645\u064a\u0639 \u0623\u0634\u0643\u0627\u0644 \u0627\u0644\u062a\u0645\u064a\u064a\u0632 \u0648\u062a\u0634\u062c\u064a\u0639 \u062e\u0637\u0627\u0628 \u0639\u0627\u0645 \u0645\u0633\u062a\u0646\u062f \u0625\u0644\u0649 \u0627\u0644\u0623\u062f\u0644\u0629 \u0645\u0646 \u0623\u062c\u0644 \u062a\u0634\u0643\u064a\u0644 \u0627\u0644\u062a\u0635\u0648\u0631\u0627\u062a \u0639\u0646 \u0627\u0644\u0647\u062c\u0631\u0629", "fr": "\u00c9liminer toutes les formes de discrimination et encourager un d\u00e9bat public fond\u00e9 sur l''analyse des faits afin de faire \u00e9voluer la mani\u00e8re dont les migrations sont per\u00e7ues"}', '["ar", "fr"]');
INSERT INTO public.objectives VALUES (18, '{"en": "Invest in skills development and facilitate mutual recognition of skills, qualifications and competences", "ar": "\u0627\u0644\u0627\u0633\u062a\u062b\u0645\u0627\u0631 \u0641\u064a \u062a\u0646\u0645\u064a\u0629 \u0627\u0644\u0645\u0647\u0627\u0631\u0627\u062a \u0648\u062a\u064a\u0633\u064a\u0631 \u0627\u0644\u0627\u0639\u062a\u0631\u0627\u0641 \u0627\u0644\u0645\u062a\u0628\u0627\u062f\u0644 \u0628\u0627\u0644\u0645\u0647\u0627\u0631\u0627\u062a \u0648\u0627\u0644\u0645\u0624\u0647\u0644\u0627\u062a \u0648\u0627\u0644\u0643\u0641\u0627\u0621\u0627\u062a", "fr": "Investir dans le perfectionnement des comp\u00e9tences et faciliter la reconnaissance mutuelle des aptitudes, qualifications et comp\u00e9tences"}', '["ar", "fr"]');
INSERT INTO public.objectives VALUES (19, '{"en": "Create conditions for migrants and diasporas to fully contribute to sustainable development in all countries", "ar": "\u062a\u0647\u064a\u0626\u0629 \u0627\u0644\u0638\u0631\u0648\u0641 \u0627\u0644\u0644\u0627\u0632\u0645\u0629 \u0644\u0643\u064a \u064a\u062a\u0645\u0643\u0646 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u0648\u0646 \u0648\u0627\u0644\u0645\u063a\u062a\u0631\u0628\u0648\u0646 \u0645\u0646 \u0627\u0644\u0645\u0633\u0627\u0647\u0645\u0629 \u0627\u0644\u0643\u0627\u0645\u0644\u0629 \u0641\u064a \u0627\u0644\u062a\u0646\u0645\u064a\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u0627\u0645\u0629 \u0641\u064a \u062c\u0645\u064a\u0639 \u0627\u0644\u0628\u0644\u062f\u0627\u0646", "fr": "Cr\u00e9er les conditions permettant aux migrants et aux diasporas de contribuer pleinement au d\u00e9veloppement durable dans tous les pays"}', '["ar"]');
INSERT INTO public.objectives VALUES (20, '{"en": "Promote faster, safer and cheaper transfer of remittances and foster financial inclusion of migrants", "ar": "\u062a\u0634\u062c\u064a\u0639 \u0625\u0631\u0633\u0627\u0644 \u0627\u0644\u062a\u062d\u0648\u064a\u0644\u0627\u062a \u0627\u0644\u0645\u0627\u0644\u064a\u0629 \u0628\u0637\u0631\u0642 \u0623\u0633\u0631\u0639 \u0648\u0623\u0643\u062b\u0631 \u0623\u0645\u0627\u0646\u0627\u064b \u0648\u0623\u0642\u0644 \u062a\u0643\u0644\u0641\u0629 \u0648\u062a\u0639\u0632\u064a\u0632 \u0627\u0644\u0634\u0645\u0648\u0644 \u0627\u0644\u0645\u0627\u0644\u064a \u0644\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646", "fr": "Rendre les envois de fonds plus rapides, plus s\u00fbrs et moins co\u00fbteux et favoriser l''inclusion financi\u00e8re des migrants"}', '["ar"]');
INSERT INTO public.objectives VALUES (21, '{"en": "Cooperate in facilitating safe and dignified return and readmission, as well as sustainable reintegration", "ar": "\u0627\u0644\u062a\u0639\u0627\u0648\u0646 \u0639\u0644\u0649 \u062a\u064a\u0633\u064a\u0631 \u0627\u0644\u0639\u0648\u062f\u0629 \u0648\u0625\u0639\u0627\u062f\u0629 \u0627\u0644\u0642\u0628\u0648\u0644 \u0641\u064a \u0638\u0631\u0648\u0641 \u0622\u0645\u0646\u0629 \u0648\u0643\u0631\u064a\u0645\u0629\u060c \u0648\u0643\u0630\u0644\u0643 \u0625\u0639\u0627\u062f\u0629 \u0627\u0644\u0625\u062f\u0645\u0627\u062c \u0627\u0644\u0645\u0633\u062a\u062f\u0627\u0645", "fr": "Coop\u00e9rer en vue de faciliter le retour et la r\u00e9admission des migrants en toute s\u00e9curit\u00e9 et dignit\u00e9, ainsi que leur r\u00e9int\u00e9gration durable"}', '["ar"]');
INSERT INTO public.objectives VALUES (22, '{"en": "Establish mechanisms for the portability of social security entitlements and earned benefits", "ar": "\u0625\u0646\u0634\u0627\u0621 \u0622\u0644\u064a\u0627\u062a \u0644\u0625\u0645\u0643\u0627\u0646\u064a\u0629 \u0646\u0642\u0644 \u0627\u0633\u062a\u062d\u0642\u0627\u0642\u0627\u062a \u0627\u0644\u0636\u0645\u0627\u0646 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639\u064a \u0648\u0627\u0644\u0645\u0632\u0627\u064a\u0627 \u0627\u0644\u0645\u0643\u062a\u0633\u0628\u0629", "fr": "Mettre en place des m\u00e9canismes de portabilit\u00e9 des droits de s\u00e9curit\u00e9 sociale et des avantages acquis"}', '["ar"]');
INSERT INTO public.objectives VALUES (23, '{"en": "Strengthen international cooperation and global partnerships for safe, orderly and regular migration", "ar": "\u062a\u0639\u0632\u064a\u0632 \u0627\u0644\u062a\u0639\u0627\u0648\u0646 \u0627\u0644\u062f\u0648\u0644\u064a \u0648\u0627\u0644\u0634\u0631\u0627\u0643\u0627\u062a \u0627\u0644\u0639\u0627\u0644\u0645\u064a\u0629 \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0622\u0645\u0646\u0629 \u0648\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0648\u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629", "fr": "Renforcer la coop\u00e9ration internationale et les partenariats mondiaux pour des migrations s\u00fbres, ordonn\u00e9es et r\u00e9guli\u00e8res"}', '["ar"]');


--
-- Data for Name: people; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.people VALUES (1, 1, 'dg-iom', 'Director General of IOM', '{"ar": "\u0627\u0644\u0645\u062f\u064a\u0631 \u0627\u0644\u0639\u0627\u0645 \u0644\u0644\u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629 \u0644\u0644\u0647\u062c\u0631\u0629", "en": "Director General of IOM", "fr": "Directeur g\u00e9n\u00e9ral de l\u2019OIM"}', 'Director General', 'International Organization for Migration (IOM)', '', 'un_entity', 'en', NULL);
INSERT INTO public.people VALUES (2, 1, 'es-escwa', 'Executive Secretary of ESCWA', '{"ar": "\u0627\u0644\u0623\u0645\u064a\u0646\u0629 \u0627\u0644\u062a\u0646\u0641\u064a\u0630\u064a\u0629 \u0644\u0644\u0625\u0633\u0643\u0648\u0627", "en": "Executive Secretary of ESCWA", "fr": "Secr\u00e9taire ex\u00e9cutive de la CESAO"}', 'Executive Secretary', 'United Nations Economic and Social Commission for Western Asia (ESCWA)', '', 'un_entity', 'ar', NULL);
INSERT INTO public.people VALUES (3, 1, 'sg-las', 'Secretary-General of the League of Arab States', '{"ar": "\u0627\u0644\u0623\u0645\u064a\u0646 \u0627\u0644\u0639\u0627\u0645 \u0644\u062c\u0627\u0645\u0639\u0629 \u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Secretary-General of the League of Arab States", "fr": "Secr\u00e9taire g\u00e9n\u00e9ral de la Ligue des \u00c9tats arabes"}', 'Secretary-General', 'League of Arab States', '', 'intergovernmental', 'ar', NULL);
INSERT INTO public.people VALUES (4, 1, 'sr-migrants', 'UN Special Rapporteur on the human rights of migrants', '{"ar": "\u0627\u0644\u0645\u0642\u0631\u0631 \u0627\u0644\u062e\u0627\u0635 \u0644\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629 \u0627\u0644\u0645\u0639\u0646\u064a \u0628\u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646 \u0644\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646", "en": "UN Special Rapporteur on the human rights of migrants", "fr": "Rapporteur sp\u00e9cial des Nations Unies sur les droits humains des migrants"}', 'Special Rapporteur on the human rights of migrants', 'United Nations Human Rights Council (special procedures)', '', 'un_entity', 'en', NULL);


--
-- Data for Name: principles; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.principles VALUES ('people_centred', 0, '{"en": "People-centred", "ar": "\u0645\u062d\u0648\u0631\u064a\u0629 \u0627\u0644\u0625\u0646\u0633\u0627\u0646", "fr": "Priorit\u00e9 \u00e0 la dimension humaine"}', '["ar"]');
INSERT INTO public.principles VALUES ('international_cooperation', 1, '{"en": "International cooperation", "ar": "\u0627\u0644\u062a\u0639\u0627\u0648\u0646 \u0627\u0644\u062f\u0648\u0644\u064a", "fr": "Coop\u00e9ration internationale"}', '["ar"]');
INSERT INTO public.principles VALUES ('national_sovereignty', 2, '{"en": "National sovereignty", "ar": "\u0627\u0644\u0633\u064a\u0627\u062f\u0629 \u0627\u0644\u0648\u0637\u0646\u064a\u0629", "fr": "Souverainet\u00e9 nationale"}', '["ar"]');
INSERT INTO public.principles VALUES ('rule_of_law', 3, '{"en": "Rule of law and due process", "ar": "\u0633\u064a\u0627\u062f\u0629 \u0627\u0644\u0642\u0627\u0646\u0648\u0646 \u0648\u0645\u0631\u0627\u0639\u0627\u0629 \u0627\u0644\u0623\u0635\u0648\u0644 \u0627\u0644\u0642\u0627\u0646\u0648\u0646\u064a\u0629", "fr": "Primaut\u00e9 du droit et garanties d''une proc\u00e9dure r\u00e9guli\u00e8re"}', '["ar"]');
INSERT INTO public.principles VALUES ('sustainable_development', 4, '{"en": "Sustainable development", "ar": "\u0627\u0644\u062a\u0646\u0645\u064a\u0629 \u0627\u0644\u0645\u0633\u062a\u062f\u0627\u0645\u0629", "fr": "D\u00e9veloppement durable"}', '["ar"]');
INSERT INTO public.principles VALUES ('human_rights', 5, '{"en": "Human rights", "ar": "\u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646", "fr": "Droits de l''homme"}', '["ar"]');
INSERT INTO public.principles VALUES ('gender_responsive', 6, '{"en": "Gender-responsive", "ar": "\u0645\u0631\u0627\u0639\u0627\u0629 \u0627\u0644\u0641\u0648\u0627\u0631\u0642 \u0628\u064a\u0646 \u0627\u0644\u062c\u0646\u0633\u064a\u0646", "fr": "Prise en compte de la probl\u00e9matique femmes-hommes"}', '["ar"]');
INSERT INTO public.principles VALUES ('child_sensitive', 7, '{"en": "Child-sensitive", "ar": "\u0645\u0631\u0627\u0639\u0627\u0629 \u0634\u0624\u0648\u0646 \u0627\u0644\u0637\u0641\u0644", "fr": "Adaptation aux besoins de l''enfant"}', '["ar"]');
INSERT INTO public.principles VALUES ('whole_of_government', 8, '{"en": "Whole-of-government approach", "ar": "\u0646\u0647\u062c \u0634\u0627\u0645\u0644 \u0644\u0644\u062d\u0643\u0648\u0645\u0629 \u0628\u0623\u0643\u0645\u0644\u0647\u0627", "fr": "Approche mobilisant l''ensemble des pouvoirs publics"}', '["ar"]');
INSERT INTO public.principles VALUES ('whole_of_society', 9, '{"en": "Whole-of-society approach", "ar": "\u0646\u0647\u062c \u0634\u0627\u0645\u0644 \u0644\u0644\u0645\u062c\u062a\u0645\u0639 \u0643\u0643\u0644", "fr": "Approche mobilisant l''ensemble de la soci\u00e9t\u00e9"}', '["ar"]');


--
-- Data for Name: slots; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.slots VALUES (1, 1, 2, 'opening-dg-iom', 0, 'statement', '{"ar": "\u0627\u0644\u0645\u062f\u064a\u0631 \u0627\u0644\u0639\u0627\u0645 \u0644\u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629", "en": "Director General of IOM", "fr": "Directeur g\u00e9n\u00e9ral de l''OIM"}', NULL, 1, NULL, false);
INSERT INTO public.slots VALUES (2, 1, 2, 'opening-es-escwa', 1, 'statement', '{"ar": "\u0627\u0644\u0623\u0645\u064a\u0646\u0629 \u0627\u0644\u062a\u0646\u0641\u064a\u0630\u064a\u0629 \u0644\u0644\u0625\u0633\u0643\u0648\u0627", "en": "Executive Secretary of ESCWA", "fr": "Secr\u00e9taire ex\u00e9cutive de la CESAO"}', NULL, 2, NULL, false);
INSERT INTO public.slots VALUES (3, 1, 2, 'opening-sg-las', 2, 'statement', '{"ar": "\u0627\u0644\u0623\u0645\u064a\u0646 \u0627\u0644\u0639\u0627\u0645 \u0644\u062c\u0627\u0645\u0639\u0629 \u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Secretary-General of the League of Arab States", "fr": "Secr\u00e9taire g\u00e9n\u00e9ral de la Ligue des \u00c9tats arabes"}', NULL, 3, NULL, false);
INSERT INTO public.slots VALUES (4, 1, 2, 'opening-state', 3, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u062f\u0648\u0644\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of a State (TBD)", "fr": "Repr\u00e9sentant(e) d''un \u00c9tat (\u00e0 d\u00e9terminer)"}', NULL, NULL, NULL, true);
INSERT INTO public.slots VALUES (5, 1, 2, 'opening-migrants', 4, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of migrants (TBD)", "fr": "Repr\u00e9sentant(e) des migrants (\u00e0 d\u00e9terminer)"}', NULL, NULL, NULL, true);
INSERT INTO public.slots VALUES (6, 1, 2, 'opening-rapporteur', 5, 'statement', '{"ar": "\u0627\u0644\u0645\u0642\u0631\u0631 \u0639\u0646 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0627\u0644\u062a\u0634\u0627\u0648\u0631\u064a \u0627\u0644\u0645\u062a\u0639\u062f\u062f \u0627\u0644\u0623\u0637\u0631\u0627\u0641 \u062d\u0648\u0644 \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0622\u0645\u0646\u0629 \u0648\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0648\u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629", "en": "Rapporteur of the multi-stakeholder consultation meeting on the regional review of the Global Compact for Safe, Orderly and Regular Migration", "fr": "Rapporteur(-euse) de la r\u00e9union consultative multipartite sur l''examen r\u00e9gional du Pacte mondial pour des migrations s\u00fbres, ordonn\u00e9es et r\u00e9guli\u00e8res"}', NULL, NULL, NULL, true);
INSERT INTO public.slots VALUES (7, 1, 3, 'introductory-presentation', 0, 'presentation', '{"ar": "\u062a\u0642\u062f\u064a\u0645 \u0646\u062a\u0627\u0626\u062c \u0623\u0648\u0644\u064a\u0629 \u0645\u0646 \u0627\u0644\u062a\u0642\u0631\u064a\u0631 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629", "en": "Presentation of the preliminary findings of the regional review report (presenter TBD)", "fr": "Pr\u00e9sentation des conclusions pr\u00e9liminaires du rapport r\u00e9gional d''examen (intervenant(e) \u00e0 d\u00e9terminer)"}', NULL, NULL, NULL, true);
INSERT INTO public.slots VALUES (8, 1, 4, 'plenary-1-state-a', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0623)", "en": "Representative of State A (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat A (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (9, 1, 4, 'plenary-1-state-b', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0628)", "en": "Representative of State B (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat B (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (10, 1, 4, 'plenary-1-state-c', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u062c)", "en": "Representative of State C (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat C (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (11, 1, 4, 'plenary-1-state-d', 3, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u062f)", "en": "Representative of State D (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat D (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (12, 1, 4, 'plenary-1-state-e', 4, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0647\u0640)", "en": "Representative of State E (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat E (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (13, 1, 4, 'plenary-1-state-f', 5, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0648)", "en": "Representative of State F (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat F (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (14, 1, 4, 'plenary-1-discussion', 6, 'discussion', '{"ar": "\u062d\u0648\u0627\u0631 \u0645\u0641\u062a\u0648\u062d", "en": "Open dialogue", "fr": "Dialogue ouvert"}', 30, NULL, NULL, false);
INSERT INTO public.slots VALUES (15, 1, 6, 'plenary-2-state-g', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0632)", "en": "Representative of State G (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat G (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (16, 1, 6, 'plenary-2-state-h', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u062d)", "en": "Representative of State H (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat H (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (17, 1, 6, 'plenary-2-state-i', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0637)", "en": "Representative of State I (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat I (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (18, 1, 6, 'plenary-2-state-j', 3, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u064a)", "en": "Representative of State J (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat J (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (37, 1, 15, 'roundtable-3-discussion', 3, 'discussion', '{"ar": "\u0646\u0642\u0627\u0634 \u0645\u0641\u062a\u0648\u062d", "en": "Open discussion", "fr": "D\u00e9bat ouvert"}', 60, NULL, NULL, false);
INSERT INTO public.slots VALUES (19, 1, 6, 'plenary-2-state-k', 4, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0643)", "en": "Representative of State K (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat K (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (20, 1, 6, 'plenary-2-state-l', 5, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062a\u0645 \u062a\u062d\u062f\u064a\u062f\u0647\u0627 \u0644\u0627\u062d\u0642\u0627\u064b - \u0644)", "en": "Representative of State L (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat L (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (21, 1, 6, 'plenary-2-discussion', 6, 'discussion', '{"ar": "\u062d\u0648\u0627\u0631 \u0645\u0641\u062a\u0648\u062d", "en": "Open dialogue", "fr": "Dialogue ouvert"}', 30, NULL, NULL, false);
INSERT INTO public.slots VALUES (22, 1, 8, 'plenary-3-rapporteur', 0, 'presentation', '{"ar": "\u0627\u0644\u0645\u0642\u0631\u0631 \u0639\u0646 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0627\u0644\u062a\u0634\u0627\u0648\u0631\u064a \u0627\u0644\u0645\u062a\u0639\u062f\u062f \u0627\u0644\u0623\u0637\u0631\u0627\u0641 \u062d\u0648\u0644 \u0627\u0644\u0627\u0633\u062a\u0639\u0631\u0627\u0636 \u0627\u0644\u0625\u0642\u0644\u064a\u0645\u064a \u0644\u0644\u0627\u062a\u0641\u0627\u0642 \u0627\u0644\u0639\u0627\u0644\u0645\u064a \u0645\u0646 \u0623\u062c\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u0622\u0645\u0646\u0629 \u0648\u0627\u0644\u0645\u0646\u0638\u0645\u0629 \u0648\u0627\u0644\u0646\u0638\u0627\u0645\u064a\u0629", "en": "Rapporteur of the multi-stakeholder consultation meeting on the regional review of the Global Compact for Safe, Orderly and Regular Migration", "fr": "Rapporteur(-euse) de la r\u00e9union consultative multipartite sur l''examen r\u00e9gional du Pacte mondial pour des migrations s\u00fbres, ordonn\u00e9es et r\u00e9guli\u00e8res"}', NULL, NULL, NULL, true);
INSERT INTO public.slots VALUES (23, 1, 9, 'plenary-4-special-rapporteur', 0, 'statement', '{"ar": "\u0645\u0642\u0631\u0631 \u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629 \u0627\u0644\u062e\u0627\u0635 \u0627\u0644\u0645\u0639\u0646\u064a \u0628\u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646 \u0644\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646", "en": "UN Special Rapporteur on the human rights of migrants", "fr": "Rapporteur sp\u00e9cial des Nations Unies sur les droits de l''homme des migrants"}', 5, 4, NULL, false);
INSERT INTO public.slots VALUES (24, 1, 9, 'plenary-4-women-children-youth', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644\u0629 \u0639\u0646 \u0627\u0644\u0627\u062c\u062a\u0645\u0627\u0639 \u0627\u0644\u062a\u0634\u0627\u0648\u0631\u064a \u062d\u0648\u0644 \u0627\u0644\u0645\u0647\u0627\u062c\u0631\u064a\u0646 \u0645\u0646 \u0627\u0644\u0646\u0633\u0627\u0621 \u0648\u0627\u0644\u0623\u0637\u0641\u0627\u0644 \u0648\u0627\u0644\u0634\u0628\u0627\u0628", "en": "Representative of the consultation meeting on migrant women, children and youth", "fr": "Repr\u00e9sentante de la r\u00e9union consultative sur les femmes, les enfants et les jeunes migrants"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (25, 1, 9, 'plenary-4-discussion', 2, 'discussion', '{"ar": "\u0646\u0642\u0627\u0634 \u0645\u0641\u062a\u0648\u062d", "en": "Open discussion", "fr": "D\u00e9bat ouvert"}', 20, NULL, NULL, false);
INSERT INTO public.slots VALUES (26, 1, 10, 'roundtable-1-state-a', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u0623-\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of State A (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat A (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (27, 1, 10, 'roundtable-1-trade-unions', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0627\u062a\u062d\u0627\u062f\u0627\u062a \u0627\u0644\u0639\u0645\u0627\u0644\u064a\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of trade unions (TBD)", "fr": "Repr\u00e9sentant(e) des syndicats (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (28, 1, 10, 'roundtable-1-private-sector', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0642\u0637\u0627\u0639 \u0627\u0644\u062e\u0627\u0635 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of the private sector (TBD)", "fr": "Repr\u00e9sentant(e) du secteur priv\u00e9 (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (29, 1, 10, 'roundtable-1-discussion', 3, 'discussion', '{"ar": "\u0646\u0642\u0627\u0634 \u0645\u0641\u062a\u0648\u062d", "en": "Open discussion", "fr": "D\u00e9bat ouvert"}', 50, NULL, NULL, false);
INSERT INTO public.slots VALUES (30, 1, 13, 'roundtable-2-state-b', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u0628- \u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of State B (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat B (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (31, 1, 13, 'roundtable-2-faith-based', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0645\u0646\u0638\u0645\u0627\u062a \u0627\u0644\u062f\u064a\u0646\u064a\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of faith-based organizations (TBD)", "fr": "Repr\u00e9sentant(e) des organisations confessionnelles (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (32, 1, 13, 'roundtable-2-red-crescent-red-cross', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u0647\u0644\u0627\u0644 \u0627\u0644\u0623\u062d\u0645\u0631/\u0627\u0644\u0635\u0644\u064a\u0628 \u0627\u0644\u0623\u062d\u0645\u0631 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of the Red Crescent / Red Cross (TBD)", "fr": "Repr\u00e9sentant(e) du Croissant-Rouge / de la Croix-Rouge (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (33, 1, 13, 'roundtable-2-discussion', 3, 'discussion', '{"ar": "\u0646\u0642\u0627\u0634 \u0645\u0641\u062a\u0648\u062d", "en": "Open discussion", "fr": "D\u00e9bat ouvert"}', 60, NULL, NULL, false);
INSERT INTO public.slots VALUES (34, 1, 15, 'roundtable-3-state-c', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u062c- \u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of State C (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat C (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (35, 1, 15, 'roundtable-3-local-authorities', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0633\u0644\u0637\u0627\u062a/\u0627\u0644\u0645\u062c\u062a\u0645\u0639\u0627\u062a \u0627\u0644\u0645\u062d\u0644\u064a\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of local authorities / communities (TBD)", "fr": "Repr\u00e9sentant(e) des autorit\u00e9s / communaut\u00e9s locales (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (36, 1, 15, 'roundtable-3-civil-society', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u0645\u062c\u062a\u0645\u0639 \u0627\u0644\u0645\u062f\u0646\u064a (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of a civil society organization (TBD)", "fr": "Repr\u00e9sentant(e) d''une organisation de la soci\u00e9t\u00e9 civile (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (38, 1, 17, 'roundtable-4-state-d', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u062f- \u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of State D (TBD)", "fr": "Repr\u00e9sentant(e) de l''\u00c9tat D (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (39, 1, 17, 'roundtable-4-nhri', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0645\u0624\u0633\u0633\u0627\u062a \u062d\u0642\u0648\u0642 \u0627\u0644\u0625\u0646\u0633\u0627\u0646 \u0627\u0644\u0648\u0637\u0646\u064a\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of national human rights institutions (TBD)", "fr": "Repr\u00e9sentant(e) des institutions nationales des droits de l''homme (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (40, 1, 17, 'roundtable-4-media', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0625\u0639\u0644\u0627\u0645 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of the media (TBD)", "fr": "Repr\u00e9sentant(e) des m\u00e9dias (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (41, 1, 17, 'roundtable-4-discussion', 3, 'discussion', '{"ar": "\u0646\u0642\u0627\u0634 \u0645\u0641\u062a\u0648\u062d", "en": "Open discussion", "fr": "D\u00e9bat ouvert"}', 60, NULL, NULL, false);
INSERT INTO public.slots VALUES (42, 1, 19, 'plenary-5-state', 0, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u062f\u0648\u0644\u0629 (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of a State (TBD)", "fr": "Repr\u00e9sentant(e) d''un \u00c9tat (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (43, 1, 19, 'plenary-5-un-network', 1, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0634\u0628\u0643\u0629 \u0627\u0644\u0623\u0645\u0645 \u0627\u0644\u0645\u062a\u062d\u062f\u0629 \u062d\u0648\u0644 \u0627\u0644\u0647\u062c\u0631\u0629 \u0648\u0622\u0644\u064a\u0629 \u0628\u0646\u0627\u0621 \u0627\u0644\u0642\u062f\u0631\u0627\u062a", "en": "Representative of the United Nations Network on Migration and the capacity-building mechanism", "fr": "Repr\u00e9sentant(e) du R\u00e9seau des Nations Unies sur les migrations et du m\u00e9canisme de renforcement des capacit\u00e9s"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (44, 1, 19, 'plenary-5-academia', 2, 'statement', '{"ar": "\u0645\u0645\u062b\u0644 \u0639\u0646 \u0627\u0644\u0642\u0637\u0627\u0639 \u0627\u0644\u0623\u0643\u0627\u062f\u064a\u0645\u064a (\u064a\u062d\u062f\u062f \u0644\u0627\u062d\u0642\u0627\u064b)", "en": "Representative of academia (TBD)", "fr": "Repr\u00e9sentant(e) des milieux universitaires (\u00e0 d\u00e9terminer)"}', 5, NULL, NULL, true);
INSERT INTO public.slots VALUES (45, 1, 19, 'plenary-5-discussion', 3, 'discussion', '{"ar": "\u0646\u0642\u0627\u0634 \u0645\u0641\u062a\u0648\u062d", "en": "Open discussion", "fr": "D\u00e9bat ouvert"}', 25, NULL, NULL, false);
INSERT INTO public.slots VALUES (46, 1, 20, 'key-messages-presentation', 0, 'presentation', '{"ar": "\u0639\u0631\u0636 \u0627\u0644\u0631\u0633\u0627\u0626\u0644 \u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629", "en": "Presentation of the key messages", "fr": "Pr\u00e9sentation des principaux messages"}', 10, NULL, NULL, true);
INSERT INTO public.slots VALUES (47, 1, 21, 'closing-dg-iom', 0, 'statement', '{"ar": "\u0627\u0644\u0645\u062f\u064a\u0631 \u0627\u0644\u0639\u0627\u0645 \u0644\u0645\u0646\u0638\u0645\u0629 \u0627\u0644\u0647\u062c\u0631\u0629 \u0627\u0644\u062f\u0648\u0644\u064a\u0629", "en": "Director General of IOM", "fr": "Directeur g\u00e9n\u00e9ral de l''OIM"}', NULL, 1, NULL, false);
INSERT INTO public.slots VALUES (48, 1, 21, 'closing-es-escwa', 1, 'statement', '{"ar": "\u0627\u0644\u0623\u0645\u0627\u0646\u0629 \u0627\u0644\u062a\u0646\u0641\u064a\u0630\u064a\u0629 \u0644\u0644\u0625\u0633\u0643\u0648\u0627", "en": "Executive Secretariat of ESCWA", "fr": "Secr\u00e9tariat ex\u00e9cutif de la CESAO"}', NULL, 2, NULL, false);
INSERT INTO public.slots VALUES (49, 1, 21, 'closing-sg-las', 2, 'statement', '{"ar": "\u0627\u0644\u0623\u0645\u064a\u0646 \u0627\u0644\u0639\u0627\u0645 \u0644\u062c\u0627\u0645\u0639\u0629 \u0627\u0644\u062f\u0648\u0644 \u0627\u0644\u0639\u0631\u0628\u064a\u0629", "en": "Secretary-General of the League of Arab States", "fr": "Secr\u00e9taire g\u00e9n\u00e9ral de la Ligue des \u00c9tats arabes"}', NULL, 3, NULL, false);


--
-- Data for Name: speech_texts; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: agenda_items_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.agenda_items_id_seq', 21, true);


--
-- Name: conferences_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.conferences_id_seq', 1, true);


--
-- Name: days_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.days_id_seq', 2, true);


--
-- Name: event_log_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.event_log_id_seq', 1, false);


--
-- Name: key_message_revisions_pk_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.key_message_revisions_pk_seq', 1, false);


--
-- Name: key_messages_pk_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.key_messages_pk_seq', 1, false);


--
-- Name: people_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.people_id_seq', 4, true);


--
-- Name: slots_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.slots_id_seq', 49, true);


--
-- Name: speech_texts_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.speech_texts_id_seq', 1, false);


--
-- Name: access_tokens access_tokens_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_tokens
    ADD CONSTRAINT access_tokens_pkey PRIMARY KEY (id);


--
-- Name: agenda_items agenda_items_conference_id_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agenda_items
    ADD CONSTRAINT agenda_items_conference_id_key_key UNIQUE (conference_id, key);


--
-- Name: agenda_items agenda_items_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agenda_items
    ADD CONSTRAINT agenda_items_pkey PRIMARY KEY (id);


--
-- Name: conferences conferences_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conferences
    ADD CONSTRAINT conferences_pkey PRIMARY KEY (id);


--
-- Name: conferences conferences_slug_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conferences
    ADD CONSTRAINT conferences_slug_key UNIQUE (slug);


--
-- Name: days days_conference_id_date_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.days
    ADD CONSTRAINT days_conference_id_date_key UNIQUE (conference_id, date);


--
-- Name: days days_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.days
    ADD CONSTRAINT days_pkey PRIMARY KEY (id);


--
-- Name: event_log event_log_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_log
    ADD CONSTRAINT event_log_pkey PRIMARY KEY (id);


--
-- Name: key_message_revisions key_message_revisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_message_revisions
    ADD CONSTRAINT key_message_revisions_pkey PRIMARY KEY (pk);


--
-- Name: key_messages key_messages_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_messages
    ADD CONSTRAINT key_messages_pkey PRIMARY KEY (pk);


--
-- Name: live_states live_states_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.live_states
    ADD CONSTRAINT live_states_pkey PRIMARY KEY (item_id);


--
-- Name: objectives objectives_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.objectives
    ADD CONSTRAINT objectives_pkey PRIMARY KEY (number);


--
-- Name: people people_conference_id_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_conference_id_key_key UNIQUE (conference_id, key);


--
-- Name: people people_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);


--
-- Name: principles principles_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.principles
    ADD CONSTRAINT principles_pkey PRIMARY KEY (key);


--
-- Name: slots slots_conference_id_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_conference_id_key_key UNIQUE (conference_id, key);


--
-- Name: slots slots_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_pkey PRIMARY KEY (id);


--
-- Name: speech_texts speech_texts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speech_texts
    ADD CONSTRAINT speech_texts_pkey PRIMARY KEY (id);


--
-- Name: key_message_revisions uq_key_message_revisions_number; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_message_revisions
    ADD CONSTRAINT uq_key_message_revisions_number UNIQUE (message_pk, number);


--
-- Name: key_messages uq_key_messages_client_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_messages
    ADD CONSTRAINT uq_key_messages_client_key UNIQUE (conference_id, session_key, client_key);


--
-- Name: key_messages uq_key_messages_id; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_messages
    ADD CONSTRAINT uq_key_messages_id UNIQUE (conference_id, id);


--
-- Name: speech_texts uq_speech_texts_revision; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speech_texts
    ADD CONSTRAINT uq_speech_texts_revision UNIQUE (conference_id, slot_key, revision);


--
-- Name: ix_event_log_session_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_event_log_session_key ON public.event_log USING btree (session_key);


--
-- Name: ix_key_message_revisions_message_pk; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_key_message_revisions_message_pk ON public.key_message_revisions USING btree (message_pk);


--
-- Name: ix_key_messages_session_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_key_messages_session_key ON public.key_messages USING btree (session_key);


--
-- Name: ix_speech_texts_session_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_speech_texts_session_key ON public.speech_texts USING btree (session_key);


--
-- Name: ix_speech_texts_slot_key; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ix_speech_texts_slot_key ON public.speech_texts USING btree (slot_key);


--
-- Name: access_tokens access_tokens_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.access_tokens
    ADD CONSTRAINT access_tokens_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: agenda_items agenda_items_chair_person_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agenda_items
    ADD CONSTRAINT agenda_items_chair_person_id_fkey FOREIGN KEY (chair_person_id) REFERENCES public.people(id);


--
-- Name: agenda_items agenda_items_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.agenda_items
    ADD CONSTRAINT agenda_items_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: days days_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.days
    ADD CONSTRAINT days_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: event_log event_log_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.event_log
    ADD CONSTRAINT event_log_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: key_message_revisions key_message_revisions_message_pk_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_message_revisions
    ADD CONSTRAINT key_message_revisions_message_pk_fkey FOREIGN KEY (message_pk) REFERENCES public.key_messages(pk) ON DELETE CASCADE;


--
-- Name: key_messages key_messages_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.key_messages
    ADD CONSTRAINT key_messages_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: live_states live_states_item_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.live_states
    ADD CONSTRAINT live_states_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.agenda_items(id) ON DELETE CASCADE;


--
-- Name: people people_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.people
    ADD CONSTRAINT people_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: slots slots_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- Name: slots slots_item_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.agenda_items(id) ON DELETE CASCADE;


--
-- Name: slots slots_speaker_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.slots
    ADD CONSTRAINT slots_speaker_id_fkey FOREIGN KEY (speaker_id) REFERENCES public.people(id);


--
-- Name: speech_texts speech_texts_conference_id_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.speech_texts
    ADD CONSTRAINT speech_texts_conference_id_fkey FOREIGN KEY (conference_id) REFERENCES public.conferences(id) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--


